drop table if exists startup_pet;
drop table if exists startup_owner;
create table startup_owner (id int primary key, name varchar(30));
create table startup_pet (id int primary key, owner_id int references startup_owner (id), name varchar(30));
