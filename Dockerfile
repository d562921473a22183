# The app's image: `docker build -t redcap-token-governance:<version> .` (the Helm chart's image).
# Build stage: Maven through the wrapper, then Spring Boot's layered extraction (dependencies change less often than
# the app, so their layers are reused between releases).
# The base images are arguments so that a site without Docker Hub builds from its own registry's (any JDK 17 with
# `tar`, and any JRE 17 with `groupadd`/`useradd`): --build-arg BUILD_IMAGE=… --build-arg RUNTIME_IMAGE=….
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre
FROM ${BUILD_IMAGE} AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Most dependencies, in a layer of their own that only a changed pom.xml rebuilds.
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/main/ src/main/
COPY bpmn/ bpmn/
COPY forms/ forms/
# Not offline: go-offline misses some of what the build resolves (56 artifacts with this pom, Spring's and Camunda's
# among them), so an offline package fails; online, the rest is fetched here.
RUN ./mvnw -B -ntp -q -Dmaven.test.skip=true package \
    && cp target/redcap-token-governance-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# Runtime: a JRE only, the app's layers, a user without a login or a home; no shell tool is needed at run time.
FROM ${RUNTIME_IMAGE}
RUN groupadd --system --gid 10001 tokengov \
    && useradd --system --uid 10001 --gid tokengov --no-create-home --shell /usr/sbin/nologin tokengov
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER 10001:10001
# 8080: the app; 8081: Actuator when MANAGEMENT_SERVER_PORT=8081 (as the chart sets it).
EXPOSE 8080 8081
# `--install-schema` as an argument runs the schema install and upgrade step instead of the app, and exits.
ENTRYPOINT ["java", "-jar", "application.jar"]
