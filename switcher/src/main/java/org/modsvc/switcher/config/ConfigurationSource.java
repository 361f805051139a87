package org.modsvc.switcher.config;

import java.io.IOException;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.store.Store;

/**
 * Where a generation's content comes from: normally the user's module files evaluated by the
 * built-in modules, in tests any fixed set of files. Called with the switch lock held, so the store
 * entries it adds cannot be garbage-collected before the generation that references them exists.
 */
public interface ConfigurationSource {
  /**
   * Evaluates the configuration for {@code layout}, adds the store entries it needs to {@code
   * store}, and returns the files. Throws {@link BuildException} (or an evaluation error) and
   * writes nothing live when the configuration is bad.
   */
  Built build(Layout layout, Store store) throws IOException;
}
