package org.programmeledger.dashboards.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * What the project's own settings say, read before the application starts: system properties, the environment
 * and {@code config/application.yml} (the places the CLI's application reads).
 */
public final class ProjectConfig {

    private static final String DATASOURCE_URL = "spring.datasource.url";

    private ProjectConfig() {
    }

    /** Whether a datasource other than the embedded store is named. */
    public static boolean datasourceNamed() {
        return System.getProperty(DATASOURCE_URL) != null || System.getenv("SPRING_DATASOURCE_URL") != null
                || applicationYml().getProperty(DATASOURCE_URL) != null;
    }

    /** Whether config/application.yml lists users itself. */
    public static boolean usersInApplicationYml() {
        return applicationYml().getProperty("ledger.security.users[0].name") != null;
    }

    private static Properties applicationYml() {
        Path config = LedgerHome.path().resolve("config").resolve("application.yml");
        if (!Files.isRegularFile(config)) {
            return new Properties();
        }
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource(config));
        Properties properties = yaml.getObject();
        return properties != null ? properties : new Properties();
    }
}
