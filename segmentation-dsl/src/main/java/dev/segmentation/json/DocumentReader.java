package dev.segmentation.json;

import java.io.IOException;
import java.io.Reader;

/**
 * The reader under the JSON parser: counts what a document's size limit counts, and where it is.
 *
 * <p>The size of a document is what it says, not how it is laid out: whitespace between values is
 * not counted, and a number counts as one character (its length has a limit of its own), so that a
 * document is accepted or refused whatever its formatting, and the canonical form of every accepted
 * document (which indents and writes numbers its own way) is accepted too. Whitespace costs no
 * memory: the parser streams it.
 */
final class DocumentReader extends Reader {
  /** Thrown (through the parser) when the document is over the limit. */
  static final class TooLong extends IOException {
    private static final long serialVersionUID = 1L;

    TooLong() {
      super("the document is over the size limit");
    }
  }

  private final Reader in;
  private final long limit;
  private long counted;
  private boolean inString;
  private boolean escaped;
  private boolean inNumber;
  private int line = 1;
  private int column = 1;

  DocumentReader(Reader in, long limit) {
    this.in = in;
    this.limit = limit;
  }

  /** The 1-based line of the next character. */
  int line() {
    return line;
  }

  /** The 1-based column of the next character. */
  int column() {
    return column;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    for (int i = offset; i < offset + n; i++) {
      char c = buffer[i];
      count(c);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      if (counted > limit) {
        throw new TooLong();
      }
    }
    return n;
  }

  private void count(char c) {
    if (inString) {
      counted++;
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = false;
      }
      return;
    }
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
      if (!inNumber) {
        counted++;
      }
      inNumber = true;
      return;
    }
    inNumber = false;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      return;
    }
    counted++;
    if (c == '"') {
      inString = true;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
