package io.querylens.jdbc.corpus;

import static io.querylens.jdbc.corpus.ExpectedFinding.nPlusOne;
import static io.querylens.jdbc.corpus.Scenario.implicit;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * The Hibernate ORM scenarios of the corpus (H2 only), each in one Hibernate transaction, which is
 * the unit of work.
 *
 * <ul>
 *   <li>Lazy loading one collection or one owner at a time is an N+1 of ten statements; its parent
 *       is the owners (or pets) query, also when another, smaller query ran between it and the
 *       loop.
 *   <li>JOIN FETCH loads everything in the parent query: no finding.
 *   <li>Batch fetching with {@code hibernate.default_batch_fetch_size} = {@value
 *       OrmFixture#BATCH_SIZE} (more than the {@value CorpusSchema#OWNERS} owners): the first
 *       access loads every lazy collection or owner of the session in one statement ({@code ... in
 *       (?)}), executed once, so no finding.
 *   <li>Batch fetching with a batch size of {@value OrmFixture#SMALL_BATCH_SIZE}: the ten owners
 *       take five statements of the batch shape, so a smaller N+1 (five instead of ten, at the
 *       threshold) that names the batch shape.
 * </ul>
 *
 * <p>The expected shapes are Hibernate 7's SQL for the mapping in {@link Owner} and {@link Pet}.
 */
final class HibernateScenarios {
  static final String OWNERS_QUERY =
      "select o1_0.id,o1_0.name from corpus_owner o1_0 order by o1_0.id";
  static final String PETS_QUERY =
      "select p1_0.id,p1_0.name,p1_0.owner_id from corpus_pet p1_0 order by p1_0.id";
  static final String PETS_OF_OWNER =
      "select p1_0.owner_id,p1_0.id,p1_0.name from corpus_pet p1_0"
          + " where p1_0.owner_id=? order by p1_0.id";
  static final String OWNER_BY_ID =
      "select o1_0.id,o1_0.name from corpus_owner o1_0 where o1_0.id=?";
  static final String PETS_OF_OWNERS =
      "select p1_0.owner_id,p1_0.id,p1_0.name from corpus_pet p1_0"
          + " where p1_0.owner_id in (?) order by p1_0.id";
  static final String OWNERS_BY_IDS =
      "select o1_0.id,o1_0.name from corpus_owner o1_0 where o1_0.id in (?)";

  static final CallSite lazyCollection = new CallSite("lazy collection");
  static final CallSite lazyToOne = new CallSite("lazy to-one");
  static final CallSite lazyCollectionAfterQuery = new CallSite("lazy collection after a query");

  /** Pets the query between the owners and their collections loads: fewer than the owners. */
  static final int FEW_PETS = 3;

  private HibernateScenarios() {}

  static List<Scenario> all(OrmFixture orm) {
    int smallBatches = CorpusSchema.OWNERS / OrmFixture.SMALL_BATCH_SIZE;
    return List.of(
        implicit(
            "Hibernate lazy collection",
            ds -> collections(orm.lazy(), false),
            nPlusOne(PETS_OF_OWNER, lazyCollection)
                .withParent(OWNERS_QUERY, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS)),
        implicit(
            "Hibernate lazy to-one",
            ds -> owners(orm.lazy(), false),
            nPlusOne(OWNER_BY_ID, lazyToOne)
                .withParent(PETS_QUERY, CorpusSchema.PETS)
                .withCount(CorpusSchema.OWNERS)),
        implicit(
            "Hibernate lazy collection, query between",
            ds -> collectionsAfterAnotherQuery(orm.lazy()),
            nPlusOne(PETS_OF_OWNER, lazyCollectionAfterQuery)
                .withParent(OWNERS_QUERY, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS)),
        implicit("Hibernate JOIN FETCH collection", ds -> collections(orm.lazy(), true)),
        implicit("Hibernate JOIN FETCH to-one", ds -> owners(orm.lazy(), true)),
        implicit("Hibernate batch-fetched collection", ds -> collections(orm.batched(), false)),
        implicit("Hibernate batch-fetched to-one", ds -> owners(orm.batched(), false)),
        implicit(
            "Hibernate collection, batches of 2",
            ds -> collections(orm.smallBatches(), false),
            nPlusOne(PETS_OF_OWNERS, lazyCollection)
                .withParent(OWNERS_QUERY, CorpusSchema.OWNERS)
                .withCount(smallBatches)),
        implicit(
            "Hibernate to-one, batches of 2",
            ds -> owners(orm.smallBatches(), false),
            nPlusOne(OWNERS_BY_IDS, lazyToOne)
                .withParent(PETS_QUERY, CorpusSchema.PETS)
                .withCount(smallBatches)));
  }

  /** Every owner, then each owner's pets through the lazy collection. */
  static int collections(SessionFactory sessions, boolean joinFetch) {
    String hql =
        joinFetch
            ? "select o from Owner o left join fetch o.pets order by o.id"
            : "select o from Owner o order by o.id";
    int pets = 0;
    try (Session session = sessions.openSession()) {
      Transaction tx = session.beginTransaction();
      List<Owner> owners = session.createSelectionQuery(hql, Owner.class).getResultList();
      for (Owner owner : owners) {
        pets += lazyCollection.mark(owner.getPets()).size();
      }
      tx.commit();
    }
    if (pets != CorpusSchema.PETS) {
      throw new IllegalStateException("expected " + CorpusSchema.PETS + " pets, read " + pets);
    }
    return pets;
  }

  /**
   * Every owner, then a query of a few pets, then each owner's pets through the lazy collection:
   * the loop is over the owners, not over the query run just before it.
   */
  static int collectionsAfterAnotherQuery(SessionFactory sessions) {
    int pets = 0;
    try (Session session = sessions.openSession()) {
      Transaction tx = session.beginTransaction();
      List<Owner> owners =
          session
              .createSelectionQuery("select o from Owner o order by o.id", Owner.class)
              .getResultList();
      List<Pet> few =
          session
              .createSelectionQuery(
                  "select p from Pet p where p.id <= :last order by p.id", Pet.class)
              .setParameter("last", (long) FEW_PETS)
              .getResultList();
      if (few.size() != FEW_PETS) {
        throw new IllegalStateException("expected " + FEW_PETS + " pets, read " + few.size());
      }
      for (Owner owner : owners) {
        pets += lazyCollectionAfterQuery.mark(owner.getPets()).size();
      }
      tx.commit();
    }
    if (pets != CorpusSchema.PETS) {
      throw new IllegalStateException("expected " + CorpusSchema.PETS + " pets, read " + pets);
    }
    return pets;
  }

  /** Every pet, then each pet's owner through the lazy to-one association. */
  static List<String> owners(SessionFactory sessions, boolean joinFetch) {
    String hql =
        joinFetch
            ? "select p from Pet p join fetch p.owner order by p.id"
            : "select p from Pet p order by p.id";
    List<String> names = new ArrayList<>();
    try (Session session = sessions.openSession()) {
      Transaction tx = session.beginTransaction();
      List<Pet> pets = session.createSelectionQuery(hql, Pet.class).getResultList();
      for (Pet pet : pets) {
        names.add(lazyToOne.mark(pet.getOwner()).getName());
      }
      tx.commit();
    }
    if (names.size() != CorpusSchema.PETS) {
      throw new IllegalStateException("expected " + CorpusSchema.PETS + " owners, read " + names);
    }
    return names;
  }
}
