/** The Spring Boot + JPA example: a pet clinic whose owner list has an N+1 and its fix. */
package io.querylens.examples.petclinic;
