-- the tables Hibernate makes for the application, for the @JdbcTest slice (no JPA there);
-- src/main/resources/data.sql then seeds them
create table owner (id bigint primary key, name varchar(255));
create table pet (id bigint primary key, name varchar(255), owner_id bigint references owner (id));
