insert into startup_item (id, name) values (1, 'item-1');
insert into startup_item (id, name) values (2, 'item-2');
insert into startup_item (id, name) values (3, 'item-3');
insert into startup_item (id, name) values (4, 'item-4');
insert into startup_item (id, name) values (5, 'item-5');
