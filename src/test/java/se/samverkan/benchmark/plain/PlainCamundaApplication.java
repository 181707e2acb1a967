package se.samverkan.benchmark.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's yardstick for startup time and memory: a plain Camunda Spring Boot starter
 * application (webapps + REST) on the same class path, without Samverkan's code or configuration
 * (the benchmark starts it with {@code --spring.config.name=plain}, so application.yaml is not read).
 */
@SpringBootApplication
public class PlainCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlainCamundaApplication.class, args);
  }
}
