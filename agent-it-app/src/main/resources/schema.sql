-- Tables no entity maps, created by Spring's SQL initialisation after Hibernate's own
CREATE TABLE vets (id INTEGER PRIMARY KEY, first_name VARCHAR(30), last_name VARCHAR(30));
CREATE TABLE specialties (id INTEGER PRIMARY KEY, name VARCHAR(80));
CREATE TABLE vet_specialties (vet_id INTEGER NOT NULL REFERENCES vets (id), specialty_id INTEGER NOT NULL REFERENCES specialties (id));
