package io.querylens.examples.petclinic;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /owners}: every owner with their pets, as JSON. */
@RestController
public class OwnerController {
  private final OwnerDirectory directory;

  public OwnerController(OwnerDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/owners")
  public List<OwnerDirectory.OwnerView> owners() {
    return directory.list();
  }
}
