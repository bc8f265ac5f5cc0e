package dev.segmentation.plan.eval;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small class-file writer for the generated segment evaluators ({@link Generator}): a constant
 * pool, fields, and methods whose code is written opcode by opcode with labels whose forward
 * branches are patched when the label is bound. Class-file version 49 (Java 5), so that no
 * StackMapTable is needed: the JVM verifies such a class by type inference. Branches are the 16-bit
 * forms only, so a method's code must stay below 32 KiB; {@link Code#size} lets a caller cap it
 * well below that. Not thread-safe; one instance writes one class.
 */
final class ClassFile {
  static final int ACC_PUBLIC = 0x0001;
  static final int ACC_PRIVATE = 0x0002;
  static final int ACC_FINAL = 0x0010;
  static final int ACC_SUPER = 0x0020;

  // Opcodes used by the generator (JVMS chapter 6).
  static final int ACONST_NULL = 0x01;
  static final int ICONST_0 = 0x03;
  static final int ICONST_1 = 0x04;
  static final int DCONST_0 = 0x0e;
  static final int SIPUSH = 0x11;
  static final int LDC = 0x12;
  static final int LDC_W = 0x13;
  static final int LDC2_W = 0x14;
  static final int ILOAD = 0x15;
  static final int LLOAD = 0x16;
  static final int DLOAD = 0x18;
  static final int ALOAD = 0x19;
  static final int ISTORE = 0x36;
  static final int LSTORE = 0x37;
  static final int DSTORE = 0x39;
  static final int ASTORE = 0x3a;
  static final int AALOAD = 0x32;
  static final int AASTORE = 0x53;
  static final int ISUB = 0x64;
  static final int IINC = 0x84;
  static final int IF_ICMPGE = 0xa2;
  static final int DUP = 0x59;
  static final int DSUB = 0x67;
  static final int LCMP = 0x94;
  static final int DCMPL = 0x97;
  static final int DCMPG = 0x98;
  static final int IFEQ = 0x99;
  static final int IFNE = 0x9a;
  static final int IFLT = 0x9b;
  static final int IFGE = 0x9c;
  static final int IFGT = 0x9d;
  static final int IFLE = 0x9e;
  static final int IF_ACMPEQ = 0xa5;
  static final int IF_ACMPNE = 0xa6;
  static final int GOTO = 0xa7;
  static final int IRETURN = 0xac;
  static final int ARETURN = 0xb0;
  static final int RETURN = 0xb1;
  static final int GETSTATIC = 0xb2;
  static final int GETFIELD = 0xb4;
  static final int PUTFIELD = 0xb5;
  static final int INVOKEVIRTUAL = 0xb6;
  static final int INVOKESPECIAL = 0xb7;
  static final int INVOKEINTERFACE = 0xb9;
  static final int CHECKCAST = 0xc0;
  static final int IFNULL = 0xc6;
  static final int INSTANCEOF = 0xc1;

  private static final int CP_UTF8 = 1;
  private static final int CP_INTEGER = 3;
  private static final int CP_LONG = 5;
  private static final int CP_DOUBLE = 6;
  private static final int CP_CLASS = 7;
  private static final int CP_STRING = 8;
  private static final int CP_FIELD = 9;
  private static final int CP_METHOD = 10;
  private static final int CP_INTERFACE_METHOD = 11;
  private static final int CP_NAME_AND_TYPE = 12;

  private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
  private final DataOutputStream poolOut = new DataOutputStream(pool);
  private final Map<String, Integer> poolIndex = new HashMap<>();
  private int poolCount = 1; // entry 0 is unused
  private final int thisClass;
  private final int superClass;
  private final List<byte[]> fields = new ArrayList<>();
  private final List<Code> methods = new ArrayList<>();

  /** A public final class {@code name} extending {@code superName} (internal names, a/b/C). */
  ClassFile(String name, String superName) {
    this.thisClass = classRef(name);
    this.superClass = classRef(superName);
  }

  int utf8(String s) {
    return entry(
        "U" + s,
        out -> {
          out.writeByte(CP_UTF8);
          out.writeUTF(s);
        },
        1);
  }

  int classRef(String internalName) {
    int name = utf8(internalName);
    return entry(
        "C" + internalName,
        out -> {
          out.writeByte(CP_CLASS);
          out.writeShort(name);
        },
        1);
  }

  int string(String s) {
    int value = utf8(s);
    return entry(
        "S" + s,
        out -> {
          out.writeByte(CP_STRING);
          out.writeShort(value);
        },
        1);
  }

  int integer(int v) {
    return entry(
        "I" + v,
        out -> {
          out.writeByte(CP_INTEGER);
          out.writeInt(v);
        },
        1);
  }

  int longConstant(long v) {
    return entry(
        "J" + v,
        out -> {
          out.writeByte(CP_LONG);
          out.writeLong(v);
        },
        2);
  }

  int doubleConstant(double v) {
    // Keyed by the bits: -0.0 and 0.0 are different constants.
    return entry(
        "D" + Double.doubleToRawLongBits(v),
        out -> {
          out.writeByte(CP_DOUBLE);
          out.writeDouble(v);
        },
        2);
  }

  int field(String owner, String name, String descriptor) {
    return member(CP_FIELD, owner, name, descriptor);
  }

  int method(String owner, String name, String descriptor) {
    return member(CP_METHOD, owner, name, descriptor);
  }

  int interfaceMethod(String owner, String name, String descriptor) {
    return member(CP_INTERFACE_METHOD, owner, name, descriptor);
  }

  private int member(int tag, String owner, String name, String descriptor) {
    int c = classRef(owner);
    int n = utf8(name);
    int d = utf8(descriptor);
    int nt =
        entry(
            "N" + name + " " + descriptor,
            out -> {
              out.writeByte(CP_NAME_AND_TYPE);
              out.writeShort(n);
              out.writeShort(d);
            },
            1);
    return entry(
        tag + "M" + owner + "." + name + descriptor,
        out -> {
          out.writeByte(tag);
          out.writeShort(c);
          out.writeShort(nt);
        },
        1);
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private int entry(String key, Writer w, int slots) {
    Integer known = poolIndex.get(key);
    if (known != null) {
      return known;
    }
    if (poolCount + slots > 0xffff) {
      throw new TooLarge("constant pool");
    }
    try {
      w.write(poolOut);
    } catch (IOException e) {
      throw new AssertionError(e); // a ByteArrayOutputStream does not throw
    }
    int index = poolCount;
    poolCount += slots;
    poolIndex.put(key, index);
    return index;
  }

  void addField(int access, String name, String descriptor) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    try {
      out.writeShort(access);
      out.writeShort(utf8(name));
      out.writeShort(utf8(descriptor));
      out.writeShort(0);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    fields.add(b.toByteArray());
  }

  /** A new method; write its code, then {@link Code#end} it. */
  Code addMethod(int access, String name, String descriptor) {
    Code c = new Code(access, utf8(name), utf8(descriptor));
    methods.add(c);
    return c;
  }

  /** The class file's bytes. */
  byte[] toBytes() {
    int codeName = utf8("Code");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    try {
      out.writeInt(0xcafebabe);
      out.writeShort(0); // minor
      out.writeShort(49); // major: Java 5, verified without StackMapTable
      out.writeShort(poolCount);
      pool.writeTo(out);
      out.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
      out.writeShort(thisClass);
      out.writeShort(superClass);
      out.writeShort(0); // interfaces
      out.writeShort(fields.size());
      for (byte[] f : fields) {
        out.write(f);
      }
      out.writeShort(methods.size());
      for (Code m : methods) {
        m.writeTo(out, codeName);
      }
      out.writeShort(0); // class attributes
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return b.toByteArray();
  }

  /** Thrown when a limit of the class-file format (or the caller's cap) would be passed. */
  static final class TooLarge extends RuntimeException {
    TooLarge(String what) {
      super(what + " too large", null, false, false);
    }
  }

  /** A branch target; forward branches to it are patched when it is bound. */
  static final class Label {
    private int position = -1;
    private final List<Integer> branches = new ArrayList<>(); // positions of branch opcodes
  }

  /** One method's code. */
  static final class Code {
    private final int access;
    private final int name;
    private final int descriptor;
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private byte[] bytes;
    private int maxStack = -1;
    private int maxLocals;
    private final List<Label> labels = new ArrayList<>();
    private int lastBound = -1; // the position of the label bound last

    private Code(int access, int name, int descriptor) {
      this.access = access;
      this.name = name;
      this.descriptor = descriptor;
    }

    /** The code's length so far, in bytes. */
    int size() {
      return code.size();
    }

    Code op(int opcode) {
      code.write(opcode);
      return this;
    }

    private Code u2(int v) {
      code.write(v >>> 8);
      code.write(v);
      return this;
    }

    /** An opcode with an unsigned 16-bit operand (a pool index, or sipush's value). */
    Code op2(int opcode, int operand) {
      return op(opcode).u2(operand);
    }

    /** A local-variable load or store; the wide form is not supported. */
    Code local(int opcode, int index) {
      if (index > 0xff) {
        throw new TooLarge("local variables");
      }
      op(opcode);
      code.write(index);
      return this;
    }

    /** iinc of a local below 256 by a constant in -128..127. */
    Code iinc(int index, int delta) {
      if (index > 0xff || delta < Byte.MIN_VALUE || delta > Byte.MAX_VALUE) {
        throw new TooLarge("local variables");
      }
      op(IINC);
      code.write(index);
      code.write(delta);
      return this;
    }

    /** ldc or ldc_w of a one-slot constant. */
    Code ldc(int index) {
      if (index <= 0xff) {
        op(LDC);
        code.write(index);
        return this;
      }
      return op2(LDC_W, index);
    }

    Code invokeinterface(int index, int argumentSlots) {
      op2(INVOKEINTERFACE, index);
      code.write(argumentSlots + 1); // the receiver counts
      code.write(0);
      return this;
    }

    Label label() {
      Label l = new Label();
      labels.add(l);
      return l;
    }

    /** A branch ({@code if*}, {@code if_acmp*} or {@code goto}) to {@code target}. */
    Code jump(int opcode, Label target) {
      int at = code.size();
      op(opcode);
      if (target.position >= 0) {
        return offset(target.position - at);
      }
      target.branches.add(at);
      return u2(0); // patched by bind
    }

    private Code offset(int delta) {
      if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
        throw new TooLarge("method");
      }
      return u2(delta & 0xffff);
    }

    /** Binds {@code l} to the current position and patches the branches already made to it. */
    Code bind(Label l) {
      if (l.position >= 0) {
        throw new IllegalStateException("label bound twice");
      }
      byte[] b = code.toByteArray();
      // A goto to the next instruction (the last one written, to this label) is dropped, unless
      // another label is bound after it (that label would then point past the code).
      int last = b.length - 3;
      if (last >= 0
          && lastBound != b.length
          && (b[last] & 0xff) == GOTO
          && l.branches.remove((Integer) last)) {
        b = java.util.Arrays.copyOf(b, last);
        code.reset();
        code.writeBytes(b);
      }
      l.position = b.length;
      for (int at : l.branches) {
        int delta = l.position - at;
        if (delta > Short.MAX_VALUE) {
          throw new TooLarge("method");
        }
        b[at + 1] = (byte) (delta >>> 8);
        b[at + 2] = (byte) delta;
      }
      if (!l.branches.isEmpty()) {
        code.reset();
        code.writeBytes(b);
      }
      lastBound = l.position;
      l.branches.clear();
      return this;
    }

    /** Ends the method; the limits must hold for every path (the verifier checks them). */
    void end(int maxStack, int maxLocals) {
      for (Label l : labels) {
        if (l.position < 0 && !l.branches.isEmpty()) {
          throw new IllegalStateException("a label branched to is not bound");
        }
      }
      this.bytes = code.toByteArray();
      this.maxStack = maxStack;
      this.maxLocals = maxLocals;
    }

    private void writeTo(DataOutputStream out, int codeName) throws IOException {
      if (bytes == null) {
        throw new IllegalStateException("method not ended");
      }
      out.writeShort(access);
      out.writeShort(name);
      out.writeShort(descriptor);
      out.writeShort(1); // attributes: Code
      out.writeShort(codeName);
      out.writeInt(12 + bytes.length);
      out.writeShort(maxStack);
      out.writeShort(maxLocals);
      out.writeInt(bytes.length);
      out.write(bytes);
      out.writeShort(0); // exception table
      out.writeShort(0); // attributes
    }
  }
}
