package org.modsvc.agent.logging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reader of journald's native protocol written from its specification (not from our encoder): a
 * field is {@code NAME=value\n}, or {@code NAME\n} followed by a 64-bit little-endian length, that
 * many bytes and {@code \n}. Fails on anything else, as journald would drop it.
 */
final class NativeProtocol {
  private NativeProtocol() {}

  static List<Map.Entry<String, String>> read(byte[] data) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    int i = 0;
    while (i < data.length) {
      int nameStart = i;
      while (i < data.length && data[i] != '=' && data[i] != '\n') i++;
      if (i >= data.length)
        throw new IllegalArgumentException("field without '=' or newline at " + nameStart);
      String name = new String(data, nameStart, i - nameStart, StandardCharsets.US_ASCII);
      if (data[i] == '=') {
        int valueStart = ++i;
        while (i < data.length && data[i] != '\n') i++;
        if (i >= data.length)
          throw new IllegalArgumentException("simple field " + name + " lacks its newline");
        fields.add(
            Map.entry(name, new String(data, valueStart, i - valueStart, StandardCharsets.UTF_8)));
        i++;
      } else {
        i++;
        if (i + 8 > data.length)
          throw new IllegalArgumentException("binary field " + name + " lacks its length");
        long length = 0;
        for (int b = 0; b < 8; b++) length |= (data[i + b] & 0xffL) << (8 * b);
        i += 8;
        if (length > data.length - i - 1)
          throw new IllegalArgumentException("binary field " + name + " overruns");
        fields.add(Map.entry(name, new String(data, i, (int) length, StandardCharsets.UTF_8)));
        i += (int) length;
        if (data[i] != '\n')
          throw new IllegalArgumentException("binary field " + name + " not ended by newline");
        i++;
      }
    }
    return fields;
  }
}
