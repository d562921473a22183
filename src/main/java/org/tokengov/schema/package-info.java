/**
 * The install and upgrade step of the database: Camunda's engine tables through the Liquibase changelog in Camunda's
 * engine jar, then the app's own tables through Flyway ({@code java -jar … --install-schema}). The app itself never
 * changes the engine's schema in production ({@code camunda.bpm.database.schema-update: false}).
 */
package org.tokengov.schema;
