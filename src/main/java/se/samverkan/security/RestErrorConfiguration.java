package se.samverkan.security;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RestErrorConfiguration {

  @Bean
  ResourceConfigCustomizer inputErrorMapper() {
    return config -> config.register(InputErrorMapper.class);
  }
}
