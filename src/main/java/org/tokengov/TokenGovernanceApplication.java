package org.tokengov;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TokenGovernanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TokenGovernanceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return EngineAlignedClock.utc();
    }
}
