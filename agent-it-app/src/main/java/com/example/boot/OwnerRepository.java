package com.example.boot;

import org.springframework.data.jpa.repository.JpaRepository;

/** Owners, by Spring Data JPA. */
public interface OwnerRepository extends JpaRepository<Owner, Long> {}
