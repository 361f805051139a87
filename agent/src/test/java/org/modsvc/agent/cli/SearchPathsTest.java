package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modsvc.nix.source.SearchPathEntry;

class SearchPathsTest {
  @Test
  void parseEntry_splitsPrefix_whenEqualsSign() {
    assertEquals(
        new SearchPathEntry("nixpkgs", "/src/np"), SearchPaths.parseEntry("nixpkgs=/src/np"));
  }

  @Test
  void parseEntry_hasEmptyPrefix_whenBarePath() {
    assertEquals(new SearchPathEntry("", "lang/dir1"), SearchPaths.parseEntry("lang/dir1"));
  }

  @Test
  void build_putsIncludesBeforeNixPath() {
    List<SearchPathEntry> sp = SearchPaths.build(List.of("a", "p=b"), "c:q=d");
    assertEquals(
        List.of(
            new SearchPathEntry("", "a"),
            new SearchPathEntry("p", "b"),
            new SearchPathEntry("", "c"),
            new SearchPathEntry("q", "d")),
        sp);
  }

  @Test
  void splitNixPath_keepsUrlTogether_andDropsEmptyElements() {
    assertEquals(
        List.of("nixpkgs=https://example.org/x.tar.gz", "/p"),
        SearchPaths.splitNixPath("nixpkgs=https://example.org/x.tar.gz::/p"));
  }

  @Test
  void build_isEmpty_whenNothingGiven() {
    assertEquals(List.of(), SearchPaths.build(List.of(), null));
  }
}
