package se.samverkan.organisation;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

  @Bean
  Organisation organisation(@Value("${samverkan.organisation.file}") Resource file) {
    String name = file.getDescription();
    if (!file.exists()) {
      throw new OrganisationFileException("Organisationsfilen finns inte: " + name);
    }
    try (InputStream in = file.getInputStream()) {
      return OrganisationLoader.load(in, name);
    } catch (IOException e) {
      throw new OrganisationFileException("Organisationsfilen " + name + " kan inte läsas: " + e.getMessage(), e);
    }
  }
}
