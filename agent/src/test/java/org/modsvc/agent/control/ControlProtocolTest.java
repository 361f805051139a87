package org.modsvc.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlProtocolTest {
  private static final Path SOCKET = Path.of("/run/modsvc/agent.sock");

  @Test
  void requestsAreExactWordsWithOptionalSurroundingBlanks() {
    assertEquals(Optional.of("status"), ControlProtocol.request("status"));
    assertEquals(Optional.of("switch"), ControlProtocol.request(" switch \r"));
    assertEquals(Optional.empty(), ControlProtocol.request("status now"));
    assertEquals(Optional.empty(), ControlProtocol.request("Status"));
    assertEquals(Optional.empty(), ControlProtocol.request(""));
  }

  @Test
  void anEchoedRequestIsShortAndPrintable() {
    assertEquals("'a?b'", ControlProtocol.quoted("a\nb"));
    assertEquals("'" + "x".repeat(40) + "…'", ControlProtocol.quoted("x".repeat(300)));
  }

  @Test
  void repliesAreParsedByTheirHeaderLine() throws IOException {
    assertEquals(new ControlClient.Reply.Ok(4, "body\nmore\n"), parse("ok 4\nbody\nmore\n"));
    assertEquals(new ControlClient.Reply.Ok(0, ""), parse("ok 0\n"));
    assertEquals(
        new ControlClient.Reply.Error("unknown request 'x'"),
        parse("error: unknown request 'x'\n"));
    assertEquals(
        new ControlClient.Reply.Refused("uid 5 may not"), parse("refused: uid 5 may not\n"));
  }

  @Test
  void aReplyThisClientDoesNotSpeakIsAnError() {
    IOException e =
        assertThrows(IOException.class, () -> parse("HTTP/1.1 400 Bad Request\r\n\r\n"));
    assertEquals(
        "the agent on /run/modsvc/agent.sock answered something else than this client speaks: "
            + "'HTTP/1.1 400 Bad Request?'",
        e.getMessage());
    e = assertThrows(IOException.class, () -> parse("ok four\n"));
    assertEquals(
        "the agent on /run/modsvc/agent.sock answered something else than this client speaks: 'ok four'",
        e.getMessage());
    e = assertThrows(IOException.class, () -> parse(""));
    assertEquals(
        "the agent on /run/modsvc/agent.sock closed the connection without an answer",
        e.getMessage());
  }

  @Test
  void repliesAreOneHeaderLineWhateverTheMessage() {
    assertEquals("error: a b\n", new String(ControlProtocol.error("a\nb"), StandardCharsets.UTF_8));
    assertEquals(
        "refused: x y\n", new String(ControlProtocol.refused("x\ry"), StandardCharsets.UTF_8));
  }

  private static ControlClient.Reply parse(String text) throws IOException {
    return ControlClient.parse(text.getBytes(StandardCharsets.UTF_8), SOCKET);
  }
}
