package se.samverkan.directory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
@EnableConfigurationProperties(DirectorySettings.class)
class DirectoryConfiguration {

  @Bean
  UserSources userSources(JdbcTemplate jdbc) {
    return new UserSources(jdbc);
  }
}
