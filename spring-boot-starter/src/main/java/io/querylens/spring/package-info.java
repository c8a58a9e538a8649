/**
 * QueryLens's Spring Boot auto-configuration: records every {@code DataSource} bean, reads {@code
 * querylens.*} from the Spring {@code Environment}, names units of work after Spring MVC and
 * WebFlux request mappings and serves the JSON report at {@code /actuator/querylens}.
 */
package io.querylens.spring;
