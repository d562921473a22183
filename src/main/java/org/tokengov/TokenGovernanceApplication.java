package org.tokengov;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.tokengov.schema.SchemaInstallation;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TokenGovernanceApplication {

    public static void main(String[] args) {
        if (List.of(args).contains(SchemaInstallation.FLAG)) {
            System.exit(SchemaInstallation.run(args));
        }
        SpringApplication.run(TokenGovernanceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return EngineAlignedClock.utc();
    }
}
