package io.querylens.examples.petclinic;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists owners with their pets' names. With {@code petclinic.fix-n-plus-one=false} it loads the
 * owners alone and touches each owner's lazy pets: one query for the owners, then one per owner,
 * the N+1 QueryLens finds. On (the default), the pets come with the owners in one query.
 */
@Service
public class OwnerDirectory {
  private final OwnerRepository owners;
  private final boolean fixNPlusOne;

  public OwnerDirectory(
      OwnerRepository owners, @Value("${petclinic.fix-n-plus-one:true}") boolean fixNPlusOne) {
    this.owners = owners;
    this.fixNPlusOne = fixNPlusOne;
  }

  /** Every owner with the names of their pets, in owner order. */
  @Transactional(readOnly = true)
  public List<OwnerView> list() {
    List<Owner> found = fixNPlusOne ? owners.findAllWithPets() : owners.findAllByOrderByIdAsc();
    return found.stream().map(OwnerDirectory::view).toList();
  }

  private static OwnerView view(Owner owner) {
    List<String> pets = owner.getPets().stream().map(Pet::getName).toList();
    return new OwnerView(owner.getName(), pets);
  }

  /** An owner as the API shows it. */
  public record OwnerView(String name, List<String> pets) {}
}
