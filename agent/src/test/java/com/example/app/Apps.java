package com.example.app;

/** The applications the agent's tests start, and the figures they produce. */
public final class Apps {
  public static final Class<?> PLAIN_JDBC = PlainJdbcApp.class;
  public static final Class<?> HIKARI = HikariApp.class;
  public static final Class<?> HIBERNATE = HibernateApp.class;
  public static final Class<?> WAITING = WaitingApp.class;
  public static final Class<?> OWN_LIBRARIES = OwnLibrariesApp.class;
  public static final Class<?> SLOW_DATA_SOURCE = SlowDataSourceApp.class;
  public static final Class<?> N_PLUS_ONE = NPlusOneApp.class;
  public static final Class<?> POOLS = PoolsApp.class;

  public static final int HIKARI_BORROWS = HikariApp.BORROWS;
  public static final int POOL_BORROWS = PoolsApp.BORROWS;
  public static final int READS_AFTER_ATTACH = WaitingApp.READS_AFTER_ATTACH;
  public static final long SLOW_CONNECT_MILLIS = SlowDataSourceApp.WAIT_MILLIS;
  public static final int N_PLUS_ONE_LOOP = NPlusOneApp.LOOP;
  public static final int N_PLUS_ONE_EXECUTIONS = NPlusOneApp.EXECUTIONS;

  private Apps() {}
}
