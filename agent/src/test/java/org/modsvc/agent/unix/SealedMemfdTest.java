package org.modsvc.agent.unix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class SealedMemfdTest {
  @Test
  void holdsItsContent_andCarriesEverySeal_soItCannotBeChanged() throws Exception {
    byte[] content = "MESSAGE=big\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);
    try (SealedMemfd file = SealedMemfd.holding("test", content)) {
      Path proc = Path.of("/proc/self/fd/" + file.fd());
      assertArrayEquals(content, Files.readAllBytes(proc));
      assertEquals(SealedMemfd.ALL_SEALS, file.seals());
      assertEquals(15, SealedMemfd.ALL_SEALS, "SHRINK|GROW|WRITE|SEAL");
      assertThrows(
          IOException.class,
          () -> Files.write(proc, new byte[] {'x'}, StandardOpenOption.APPEND),
          "F_SEAL_WRITE/F_SEAL_GROW");
    }
  }

  @Test
  void closing_releasesTheDescriptor() throws Exception {
    SealedMemfd file = SealedMemfd.holding("test", new byte[] {1});
    file.close();
    file.close();
    assertEquals(-1, file.fd());
    assertThrows(UnixCallException.class, file::seals);
  }
}
