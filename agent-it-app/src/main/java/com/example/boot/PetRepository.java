package com.example.boot;

import org.springframework.data.jpa.repository.JpaRepository;

/** Pets, by Spring Data JPA. */
public interface PetRepository extends JpaRepository<Pet, Long> {}
