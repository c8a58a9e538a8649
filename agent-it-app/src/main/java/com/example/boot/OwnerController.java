package com.example.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Owners and their pets; {@code GET /owners} reads each owner's pets lazily: an n-plus-one. */
@RestController
public class OwnerController {
  private final OwnerRepository owners;

  OwnerController(OwnerRepository owners) {
    this.owners = owners;
  }

  /** Every owner with the number of pets: one query for the owners, then one per owner. */
  @GetMapping("/owners")
  @Transactional(readOnly = true)
  public List<Map<String, Object>> owners() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Owner owner : owners.findAll()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", owner.getName());
      row.put("pets", owner.getPets().size()); // initialises the lazy collection: the N+1
      out.add(row);
    }
    return out;
  }

  /** One owner's name. */
  @GetMapping("/owners/{id}")
  public ResponseEntity<String> owner(@PathVariable("id") long id) {
    return owners
        .findById(id)
        .map(o -> ResponseEntity.ok(o.getName()))
        .orElse(ResponseEntity.notFound().build());
  }
}
