package org.sanlian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SanlianApplication {

    public static void main(String[] args) {
        SpringApplication.run(SanlianApplication.class, args);
    }
}
