package org.programmeledger.analytics.output;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutputSettings.class)
class OutputConfiguration {
}
