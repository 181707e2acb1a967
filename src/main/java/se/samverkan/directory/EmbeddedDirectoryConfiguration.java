package se.samverkan.directory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;

/**
 * The demo's embedded directory ({@code samverkan.directory.embedded.*}): on in the demo profile,
 * off in tests and never with prod.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo & !prod")
@ConditionalOnProperty(name = "samverkan.directory.embedded.enabled", havingValue = "true")
class EmbeddedDirectoryConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDirectory embeddedDirectory(@Value("${samverkan.directory.embedded.port:10389}") int port,
      @Value("${samverkan.directory.embedded.bind-dn}") String bindDn,
      @Value("${samverkan.directory.embedded.bind-password}") String bindPassword,
      @Value("${samverkan.directory.embedded.ldif:classpath:" + EmbeddedDirectoryLdif.RESOURCE + "}") Resource ldif) {
    return new EmbeddedDirectory(port, bindDn, bindPassword, ldif);
  }
}
