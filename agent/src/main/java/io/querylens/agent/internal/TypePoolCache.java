package io.querylens.agent.internal;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Remembers, per class loader, the types Byte Buddy has read while matching: deciding whether a
 * class is a DataSource or a Driver reads its whole super type hierarchy, and without a cache every
 * class loaded reads {@code Object}, {@code Serializable} and its framework's base classes again.
 * Class loaders are held weakly and the descriptions softly, so neither outlives its use. Matching
 * runs inside class loading, which is rarely contended; one lock is enough.
 */
final class TypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {
  private final Map<ClassLoader, TypePool.CacheProvider> byLoader = new WeakHashMap<>();
  private final TypePool.CacheProvider bootstrap =
      new TypePool.CacheProvider.Simple.UsingSoftReference();

  TypePoolCache() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    if (loader == null) {
      return bootstrap;
    }
    synchronized (byLoader) {
      return byLoader.computeIfAbsent(
          loader, l -> new TypePool.CacheProvider.Simple.UsingSoftReference());
    }
  }
}
