package org.tokengov;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TokenGovernanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TokenGovernanceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return EngineAlignedClock.utc();
    }
}
