package io.querylens.jdbc.corpus;

import static io.querylens.jdbc.corpus.ExpectedFinding.chattyWrites;
import static io.querylens.jdbc.corpus.ExpectedFinding.duplicate;
import static io.querylens.jdbc.corpus.ExpectedFinding.nPlusOne;
import static io.querylens.jdbc.corpus.ExpectedFinding.unboundedResult;
import static io.querylens.jdbc.corpus.Scenario.implicit;
import static io.querylens.jdbc.corpus.Scenario.scoped;

import io.querylens.QueryLens;
import io.querylens.core.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The plain JDBC scenarios of the corpus, run on H2, PostgreSQL and MariaDB. The SQL is written the
 * way the shapes print it, so a shape is its statement with literals as {@code ?}.
 */
final class PlainJdbcScenarios {
  static final String ALL_OWNERS = "select id, name from corpus_owner order by id";
  static final String OWNERS_UP_TO = "select id, name from corpus_owner where id <= ? order by id";
  static final String PETS_OF_OWNER = "select id, name from corpus_pet where owner_id = ?";
  static final String OWNER_BY_ID = "select id, name from corpus_owner where id = ?";
  static final String PET_BY_ID = "select id, name, owner_id from corpus_pet where id = ?";
  static final String INSERT_VISIT = "insert into corpus_visit (id, pet_id, note) values (?, ?, ?)";
  static final String RENAME_PET = "update corpus_pet set name = ? where id = ?";
  static final String SELECT_ONE = "select 1";
  static final String ALL_EVENTS = "select id, category from corpus_event order by id";
  static final String EVENTS_LIMITED =
      "select id, category from corpus_event order by id limit " + (CorpusSchema.EVENTS - 100);
  static final String EVENTS_PER_CATEGORY =
      "select category, count(*), max(id) from corpus_event group by category";
  static final String EVENTS_UP_TO =
      "select id, category from corpus_event where id <= ? order by id";
  static final String EVENT_BY_ID = "select id, category from corpus_event where id = ?";

  /** Rows of the small read some loops are preceded by: fewer than the loop's repetitions. */
  static final int SMALL_READ_ROWS = 3;

  static final CallSite nestedCursorLoop = new CallSite("nested cursor loop");
  static final CallSite listLoop = new CallSite("loop over a list");
  static final CallSite countedLoop = new CallSite("counted loop");
  static final CallSite literalLoop = new CallSite("Statement with literals");
  static final CallSite rowInsert = new CallSite("row-by-row insert");
  static final CallSite sameLookup = new CallSite("same lookup");
  static final CallSite sameLiteral = new CallSite("same literal lookup");
  static final CallSite threadA = new CallSite("thread a loop");
  static final CallSite threadB = new CallSite("thread b loop");
  static final CallSite slowLoop = new CallSite("slow loop");
  static final CallSite halfLoop = new CallSite("half loop");
  static final CallSite loadLoop = new CallSite("load loop");
  static final CallSite renameLoop = new CallSite("rename loop");
  static final CallSite wholeRead = new CallSite("whole read");
  static final CallSite afterOtherRead = new CallSite("loop after another read");
  static final CallSite lookupBetween = new CallSite("lookup between iterations");
  static final CallSite loopAfterLookup = new CallSite("loop after each lookup");
  static final CallSite outerListLoop = new CallSite("outer loop over a list");
  static final CallSite innerListLoop = new CallSite("inner loop over a list");
  static final CallSite outerCursorLoop = new CallSite("outer cursor loop");
  static final CallSite innerCursorLoop = new CallSite("inner cursor loop");
  static final CallSite unknownParentLoop = new CallSite("loop of unknown parent");

  /** Application work per row in {@link #slowLoopInTransaction}. */
  static final long SLOW_LOOP_PAUSE_MILLIS = 30;

  /** Pause between the keep-alive queries of {@link #backgroundKeepAlive}. */
  static final long KEEP_ALIVE_PERIOD_MILLIS = 30;

  private PlainJdbcScenarios() {}

  static List<Scenario> all() {
    return List.of(
        implicit(
            "N+1 inside the parent's cursor",
            PlainJdbcScenarios::loopInsideCursor,
            nPlusOne(PETS_OF_OWNER, nestedCursorLoop)
                .withParent(ALL_OWNERS, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS)),
        scoped(
            "N+1 over ids read first",
            PlainJdbcScenarios::loopOverList,
            nPlusOne(PETS_OF_OWNER, listLoop)
                .withParent(ALL_OWNERS, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS)),
        scoped(
            "list read first, another read between",
            PlainJdbcScenarios::loopAfterAnotherRead,
            nPlusOne(PETS_OF_OWNER, afterOtherRead)
                .withParent(ALL_OWNERS, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS)),
        scoped(
            "list read first, a lookup per iteration",
            PlainJdbcScenarios::loopWithLookups,
            nPlusOne(OWNER_BY_ID, lookupBetween)
                .withParent(ALL_OWNERS, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS),
            nPlusOne(PETS_OF_OWNER, loopAfterLookup)
                .withParent(ALL_OWNERS, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS)),
        scoped(
            "nested loops over lists",
            PlainJdbcScenarios::nestedListLoops,
            nPlusOne(PETS_OF_OWNER, outerListLoop)
                .withParent(ALL_OWNERS, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS),
            nPlusOne(EVENT_BY_ID, innerListLoop)
                .withParent(PETS_OF_OWNER, CorpusSchema.PETS)
                .withCount(CorpusSchema.PETS)),
        scoped(
            "nested loops in open cursors",
            PlainJdbcScenarios::nestedCursorLoops,
            nPlusOne(PETS_OF_OWNER, outerCursorLoop)
                .withParent(ALL_OWNERS, CorpusSchema.OWNERS)
                .withCount(CorpusSchema.OWNERS),
            nPlusOne(EVENT_BY_ID, innerCursorLoop)
                .withParent(PETS_OF_OWNER, CorpusSchema.PETS)
                .withCount(CorpusSchema.PETS)),
        scoped(
            "N+1 of no knowable parent",
            PlainJdbcScenarios::loopOfUnknownParent,
            nPlusOne(PETS_OF_OWNER, unknownParentLoop)
                .withNoParent()
                .withCount(CorpusSchema.OWNERS)),
        scoped("4 lookups: below the threshold", ds -> countedLoop(ds, 4)),
        scoped(
            "5 lookups: at the threshold",
            ds -> countedLoop(ds, 5),
            nPlusOne(PETS_OF_OWNER, countedLoop).withParent(OWNERS_UP_TO, 5).withCount(5)),
        scoped(
            "N+1 through a Statement with literals",
            PlainJdbcScenarios::literalLoop,
            nPlusOne(PETS_OF_OWNER, literalLoop).withNoParent().withCount(CorpusSchema.OWNERS)),
        scoped("JDBC batch insert", PlainJdbcScenarios::batchInsert),
        scoped(
            "row-by-row inserts",
            PlainJdbcScenarios::rowByRowInsert,
            chattyWrites(INSERT_VISIT, rowInsert).withCount(CorpusSchema.PETS)),
        scoped("one IN-list query", PlainJdbcScenarios::inList),
        scoped(
            "same lookup, same parameter",
            PlainJdbcScenarios::sameLookup,
            duplicate(OWNER_BY_ID, sameLookup).withCount(6)),
        scoped(
            "same literal SQL repeated",
            PlainJdbcScenarios::sameLiteral,
            duplicate(OWNER_BY_ID, sameLiteral).withCount(6)),
        scoped(
            "N+1 reads then row-by-row updates",
            PlainJdbcScenarios::loadThenRename,
            nPlusOne(PETS_OF_OWNER, loadLoop).withNoParent().withCount(6),
            chattyWrites(RENAME_PET, renameLoop).withParent(PETS_OF_OWNER, 12).withCount(12)),
        implicit("background keep-alive while idle", PlainJdbcScenarios::backgroundKeepAlive),
        implicit(
            "two threads, an N+1 each",
            PlainJdbcScenarios::twoThreads,
            nPlusOne(PETS_OF_OWNER, threadA).withParent(OWNERS_UP_TO, 8).withCount(8),
            nPlusOne(PETS_OF_OWNER, threadB).withParent(OWNERS_UP_TO, 8).withCount(8)),
        implicit(
            "slow loop in one transaction",
            PlainJdbcScenarios::slowLoopInTransaction,
            nPlusOne(PETS_OF_OWNER, slowLoop).withParent(OWNERS_UP_TO, 6).withCount(6)),
        implicit("twenty one-lookup transactions", PlainJdbcScenarios::twentyTransactions),
        implicit(
            "N+1 split over nested scopes",
            PlainJdbcScenarios::nestedScopes,
            nPlusOne(PETS_OF_OWNER, halfLoop).withCount(6)),
        scoped(
            "large read to the end, no row limit",
            PlainJdbcScenarios::wholeRead,
            unboundedResult(ALL_EVENTS, wholeRead).withCount(1)),
        scoped("large read with a LIMIT", ds -> readAll(ds, EVENTS_LIMITED)),
        scoped("large read closed early", PlainJdbcScenarios::readClosedEarly),
        scoped("aggregate of a large table", ds -> readAll(ds, EVENTS_PER_CATEGORY)));
  }

  /** The classic: one lookup per row while the parent's cursor is open. */
  static void loopInsideCursor(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement owners = c.createStatement();
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER);
        ResultSet o = owners.executeQuery(ALL_OWNERS)) {
      while (o.next()) {
        pets.setLong(1, o.getLong("id"));
        try (ResultSet p = nestedCursorLoop.mark(pets).executeQuery()) {
          drain(p);
        }
      }
    }
  }

  /** The parent's rows are read into a list first; the lookups follow its cursor's close. */
  static void loopOverList(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      List<Long> ids = ids(c, ALL_OWNERS);
      try (PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER)) {
        for (long id : ids) {
          pets.setLong(1, id);
          try (ResultSet p = listLoop.mark(pets).executeQuery()) {
            drain(p);
          }
        }
      }
    }
  }

  /**
   * The owners read into a list, then a small read of its own (fewer rows than owners), then one
   * lookup per owner: spring-petclinic's JDBC {@code /vets}.
   */
  static void loopAfterAnotherRead(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      List<Long> ids = ids(c, ALL_OWNERS);
      expectRows(EVENTS_UP_TO, ids(c, EVENTS_UP_TO, SMALL_READ_ROWS).size(), SMALL_READ_ROWS);
      try (PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER)) {
        for (long id : ids) {
          pets.setLong(1, id);
          try (ResultSet p = afterOtherRead.mark(pets).executeQuery()) {
            drain(p);
          }
        }
      }
    }
  }

  /** The owners read into a list; for each, its one row looked up again, then its pets. */
  static void loopWithLookups(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement owner = c.prepareStatement(OWNER_BY_ID);
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER)) {
      for (long id : ids(c, ALL_OWNERS)) {
        owner.setLong(1, id);
        try (ResultSet o = lookupBetween.mark(owner).executeQuery()) {
          drain(o);
        }
        pets.setLong(1, id);
        try (ResultSet p = loopAfterLookup.mark(pets).executeQuery()) {
          drain(p);
        }
      }
    }
  }

  /** The owners read into a list; each one's pets read into a list; one lookup per pet. */
  static void nestedListLoops(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER);
        PreparedStatement event = c.prepareStatement(EVENT_BY_ID)) {
      for (long owner : ids(c, ALL_OWNERS)) {
        pets.setLong(1, owner);
        List<Long> petIds = new ArrayList<>();
        try (ResultSet p = outerListLoop.mark(pets).executeQuery()) {
          while (p.next()) {
            petIds.add(p.getLong("id"));
          }
        }
        for (long pet : petIds) {
          event.setLong(1, pet);
          try (ResultSet e = innerListLoop.mark(event).executeQuery()) {
            drain(e);
          }
        }
      }
    }
  }

  /** The same nesting, each loop inside its parent's open cursor. */
  static void nestedCursorLoops(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement owners = c.prepareStatement(ALL_OWNERS);
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER);
        PreparedStatement event = c.prepareStatement(EVENT_BY_ID);
        ResultSet o = owners.executeQuery()) {
      while (o.next()) {
        pets.setLong(1, o.getLong("id"));
        try (ResultSet p = outerCursorLoop.mark(pets).executeQuery()) {
          while (p.next()) {
            event.setLong(1, p.getLong("id"));
            try (ResultSet e = innerCursorLoop.mark(event).executeQuery()) {
              drain(e);
            }
          }
        }
      }
    }
  }

  /**
   * A small read (fewer rows than the loop's repetitions), then one lookup per owner id counted in
   * code: no query the loop could have iterated.
   */
  static void loopOfUnknownParent(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER)) {
      expectRows(EVENTS_UP_TO, ids(c, EVENTS_UP_TO, SMALL_READ_ROWS).size(), SMALL_READ_ROWS);
      for (int id = 1; id <= CorpusSchema.OWNERS; id++) {
        pets.setLong(1, id);
        try (ResultSet p = unknownParentLoop.mark(pets).executeQuery()) {
          drain(p);
        }
      }
    }
  }

  /**
   * The ids {@code sql} returns with {@code parameters} bound, read into a list whose use begins
   * after the cursor closed.
   */
  private static List<Long> ids(Connection c, String sql, long... parameters) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setLong(i + 1, parameters[i]);
      }
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong("id"));
        }
      }
    }
    return ids;
  }

  /** A parent of {@code owners} rows and one lookup for each. */
  static void countedLoop(DataSource ds, int owners) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement parent = c.prepareStatement(OWNERS_UP_TO);
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER)) {
      parent.setLong(1, owners);
      try (ResultSet o = parent.executeQuery()) {
        while (o.next()) {
          pets.setLong(1, o.getLong("id"));
          try (ResultSet p = countedLoop.mark(pets).executeQuery()) {
            drain(p);
          }
        }
      }
    }
  }

  /** SQL built by concatenation: the literals differ, the shape is the same. */
  static void literalLoop(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (int id = 1; id <= CorpusSchema.OWNERS; id++) {
        String sql = "select id, name from corpus_pet where owner_id = " + id;
        try (ResultSet p = literalLoop.mark(s).executeQuery(sql)) {
          drain(p);
        }
      }
    }
  }

  /** One visit per pet, sent as one JDBC batch: one execution. */
  static void batchInsert(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT_VISIT)) {
      for (int pet = 1; pet <= CorpusSchema.PETS; pet++) {
        insert.setLong(1, pet);
        insert.setLong(2, pet);
        insert.setString(3, "check-up");
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The same visits, one executeUpdate each. */
  static void rowByRowInsert(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT_VISIT)) {
      for (int pet = 1; pet <= CorpusSchema.PETS; pet++) {
        insert.setLong(1, pet);
        insert.setLong(2, pet);
        insert.setString(3, "check-up");
        rowInsert.mark(insert).executeUpdate();
      }
    }
  }

  /** Every owner's pets in one query with an IN list. */
  static void inList(DataSource ds) throws SQLException {
    StringBuilder sql = new StringBuilder("select id, name from corpus_pet where owner_id in (");
    for (int i = 1; i <= CorpusSchema.OWNERS; i++) {
      sql.append(i == 1 ? "?" : ", ?");
    }
    sql.append(')');
    try (Connection c = ds.getConnection();
        PreparedStatement pets = c.prepareStatement(sql.toString())) {
      for (int i = 1; i <= CorpusSchema.OWNERS; i++) {
        pets.setLong(i, i);
      }
      try (ResultSet p = pets.executeQuery()) {
        drain(p);
      }
    }
  }

  /** The same owner looked up six times, as a missing cache would. */
  static void sameLookup(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement owner = c.prepareStatement(OWNER_BY_ID)) {
      for (int i = 0; i < 6; i++) {
        owner.setLong(1, 3);
        try (ResultSet o = sameLookup.mark(owner).executeQuery()) {
          drain(o);
        }
      }
    }
  }

  /** The same literal SQL six times through a Statement. */
  static void sameLiteral(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (int i = 0; i < 6; i++) {
        String sql = "select id, name from corpus_owner where id = 3";
        try (ResultSet o = sameLiteral.mark(s).executeQuery(sql)) {
          drain(o);
        }
      }
    }
  }

  /** Six owners' pets one query each, then each pet renamed one update at a time. */
  static void loadThenRename(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER);
        PreparedStatement rename = c.prepareStatement(RENAME_PET)) {
      List<Long> petIds = new ArrayList<>();
      for (int owner = 1; owner <= 6; owner++) {
        pets.setLong(1, owner);
        try (ResultSet p = loadLoop.mark(pets).executeQuery()) {
          while (p.next()) {
            petIds.add(p.getLong("id"));
          }
        }
      }
      for (long pet : petIds) {
        rename.setString(1, "pet-" + pet);
        rename.setLong(2, pet);
        renameLoop.mark(rename).executeUpdate();
      }
    }
  }

  /**
   * A pool-style keep-alive: another thread checks out a connection and runs {@code select 1} every
   * {@value #KEEP_ALIVE_PERIOD_MILLIS} ms while this thread sleeps. Nothing is repeated within one
   * unit of work.
   */
  static void backgroundKeepAlive(DataSource ds) throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread keepAlive =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 12; i++) {
                  try (Connection c = ds.getConnection();
                      Statement s = c.createStatement();
                      ResultSet r = s.executeQuery(SELECT_ONE)) {
                    drain(r);
                  }
                  Thread.sleep(KEEP_ALIVE_PERIOD_MILLIS);
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "corpus-keep-alive");
    keepAlive.start();
    Thread.sleep(100);
    keepAlive.join(10_000);
    if (keepAlive.isAlive()) {
      throw new IllegalStateException("keep-alive thread did not finish");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("keep-alive thread failed", failure.get());
    }
  }

  /**
   * Two threads run their own N+1 at the same time, in lock step (each lookup waits for the other
   * thread's), from two different lines.
   */
  static void twoThreads(DataSource ds) throws Exception {
    CyclicBarrier lockStep = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> a = threads.submit(() -> loopA(ds, lockStep));
      Future<?> b = threads.submit(() -> loopB(ds, lockStep));
      a.get(30, TimeUnit.SECONDS);
      b.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
  }

  private static Void loopA(DataSource ds, CyclicBarrier lockStep) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement parent = c.prepareStatement(OWNERS_UP_TO);
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER)) {
      parent.setLong(1, 8);
      try (ResultSet o = parent.executeQuery()) {
        while (o.next()) {
          lockStep.await(10, TimeUnit.SECONDS);
          pets.setLong(1, o.getLong("id"));
          try (ResultSet p = threadA.mark(pets).executeQuery()) {
            drain(p);
          }
        }
      }
    }
    return null;
  }

  private static Void loopB(DataSource ds, CyclicBarrier lockStep) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement parent = c.prepareStatement(OWNERS_UP_TO);
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER)) {
      parent.setLong(1, 8);
      try (ResultSet o = parent.executeQuery()) {
        while (o.next()) {
          lockStep.await(10, TimeUnit.SECONDS);
          pets.setLong(1, o.getLong("id"));
          try (ResultSet p = threadB.mark(pets).executeQuery()) {
            drain(p);
          }
        }
      }
    }
    return null;
  }

  /**
   * Application work ({@value #SLOW_LOOP_PAUSE_MILLIS} ms, far longer than any idle gap) before
   * each lookup, inside one transaction: the transaction is the unit, so the N+1 is still seen.
   */
  static void slowLoopInTransaction(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement parent = c.prepareStatement(OWNERS_UP_TO);
          PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER)) {
        parent.setLong(1, 6);
        try (ResultSet o = parent.executeQuery()) {
          while (o.next()) {
            Thread.sleep(SLOW_LOOP_PAUSE_MILLIS);
            pets.setLong(1, o.getLong("id"));
            try (ResultSet p = slowLoop.mark(pets).executeQuery()) {
              drain(p);
            }
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
    }
  }

  /**
   * Twenty requests back to back on one connection, each a transaction with one lookup: twenty
   * units, none repeating anything.
   */
  static void twentyTransactions(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement pet = c.prepareStatement(PET_BY_ID)) {
      for (int id = 1; id <= CorpusSchema.PETS; id++) {
        c.setAutoCommit(false);
        pet.setLong(1, id);
        try (ResultSet p = pet.executeQuery()) {
          drain(p);
        }
        c.commit();
        c.setAutoCommit(true);
      }
    }
  }

  /**
   * Three lookups in each of two inner scopes of one outer scope: the outer scope is the unit, so
   * its six lookups make one finding.
   */
  @SuppressWarnings("try") // the scopes are only opened and closed
  static void nestedScopes(DataSource ds) throws SQLException {
    try (UnitOfWork outer = QueryLens.unitOfWork("corpus nested outer");
        Connection c = ds.getConnection();
        PreparedStatement pets = c.prepareStatement(PETS_OF_OWNER)) {
      try (UnitOfWork first = QueryLens.unitOfWork("corpus nested first half")) {
        lookUpPets(pets, 1, 3);
      }
      try (UnitOfWork second = QueryLens.unitOfWork("corpus nested second half")) {
        lookUpPets(pets, 4, 6);
      }
    }
  }

  private static void lookUpPets(PreparedStatement pets, int fromOwner, int toOwner)
      throws SQLException {
    for (int owner = fromOwner; owner <= toOwner; owner++) {
      pets.setLong(1, owner);
      try (ResultSet p = halfLoop.mark(pets).executeQuery()) {
        drain(p);
      }
    }
  }

  /**
   * Every event, read to the end: more rows than the unbounded-result threshold, and no row limit.
   * The finding's call site is the line whose {@code next()} found the end.
   */
  static void wholeRead(DataSource ds) throws SQLException {
    int rows = 0;
    try (Connection c = ds.getConnection();
        PreparedStatement events = c.prepareStatement(ALL_EVENTS);
        ResultSet rs = events.executeQuery()) {
      while (wholeRead.mark(rs).next()) {
        rs.getLong(1);
        rs.getString(2);
        rows++;
      }
    }
    expectRows(ALL_EVENTS, rows, CorpusSchema.EVENTS);
  }

  /** Events read to the end through {@code sql}: bounded by a LIMIT, or an aggregate. */
  static void readAll(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement query = c.prepareStatement(sql);
        ResultSet rs = query.executeQuery()) {
      int rows = drain(rs);
      long expected =
          sql.equals(EVENTS_PER_CATEGORY) ? CorpusSchema.CATEGORIES : CorpusSchema.EVENTS - 100;
      expectRows(sql, rows, expected);
    }
  }

  /** More rows than the threshold, but the cursor is closed before its end: not read whole. */
  static void readClosedEarly(DataSource ds) throws SQLException {
    int rows = 0;
    try (Connection c = ds.getConnection();
        PreparedStatement events = c.prepareStatement(ALL_EVENTS);
        ResultSet rs = events.executeQuery()) {
      while (rows < CorpusSchema.EVENTS - 1 && rs.next()) {
        rows++;
      }
    }
    expectRows(ALL_EVENTS, rows, CorpusSchema.EVENTS - 1);
  }

  private static void expectRows(String sql, long rows, long expected) {
    if (rows != expected) {
      throw new IllegalStateException(sql + " read " + rows + " rows, expected " + expected);
    }
  }

  /** Reads every row (and column), as an application would. */
  static int drain(ResultSet rs) throws SQLException {
    int rows = 0;
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      for (int i = 1; i <= columns; i++) {
        rs.getObject(i);
      }
      rows++;
    }
    return rows;
  }
}
