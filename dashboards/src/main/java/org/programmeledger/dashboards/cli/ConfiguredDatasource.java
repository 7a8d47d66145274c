package org.programmeledger.dashboards.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

/**
 * Whether a datasource other than the embedded store is named, read before the application starts: by a
 * system property, the environment, or {@code config/application.yml} (the places the CLI's application reads).
 */
final class ConfiguredDatasource {

    private static final String URL = "spring.datasource.url";

    private ConfiguredDatasource() {
    }

    static boolean named() {
        if (System.getProperty(URL) != null || System.getenv("SPRING_DATASOURCE_URL") != null) {
            return true;
        }
        Path config = LedgerHome.path().resolve("config").resolve("application.yml");
        if (!Files.isRegularFile(config)) {
            return false;
        }
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource(config));
        Properties properties = yaml.getObject();
        return properties != null && properties.getProperty(URL) != null;
    }
}
