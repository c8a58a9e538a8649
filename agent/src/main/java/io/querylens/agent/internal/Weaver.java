package io.querylens.agent.internal;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites the connection and request methods of one class with the ASM that Byte Buddy ships: each
 * such method calls a static hook of {@link Acquires} or {@link ServletRequests} on entry, before
 * each return, and on a throw (a handler around the whole body that calls the hook and rethrows).
 * The insertions add no branch, local variable, field or method, so a class can be retransformed,
 * the method's own stack map frames stay valid and the one frame added (the handler's: no locals, a
 * {@code Throwable} on the stack) needs no class hierarchy: nothing is loaded.
 */
final class Weaver {
  private Weaver() {}

  /**
   * The class file {@code bytes} with the methods of its {@code roles} ({@link CandidateFilter}'s
   * bits) rewritten, or null if it declares none. Throws {@link IllegalArgumentException} for a
   * class file version this ASM does not read.
   */
  static byte[] weave(byte[] bytes, int roles) {
    ClassReader reader = new ClassReader(bytes);
    // the reader's constant pool is kept and methods left alone are copied as they are
    ClassWriter writer = new NoHierarchyWriter(reader);
    Rewriter rewriter = new Rewriter(writer, roles);
    reader.accept(rewriter, 0);
    return rewriter.rewritten ? writer.toByteArray() : null;
  }

  /** The hook for a method of a class with {@code roles}, or null when it is not rewritten. */
  private static Hook hook(int roles, int access, String name, String descriptor) {
    int role = RewrittenMethods.role(access, name, descriptor) & roles;
    return switch (role) {
      case 0 -> null;
      case CandidateFilter.SERVLET -> Hook.REQUEST;
      case CandidateFilter.DRIVER -> Hook.CONNECT;
      default -> Hook.ACQUIRE;
    };
  }

  /** What a rewritten method calls, and at which return instruction. */
  enum Hook {
    /** {@code DataSource.getConnection}: {@link Acquires#enter()} and {@link Acquires#exit}. */
    ACQUIRE(Opcodes.ARETURN) {
      @Override
      void enter(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, ACQUIRES, "enter", "()V", false);
      }

      @Override
      void exit(MethodVisitor mv) {
        acquireExit(mv, "exit");
      }

      @Override
      void thrown(MethodVisitor mv) {
        acquireThrown(mv, "exit");
      }
    },

    /**
     * {@code Driver.connect(url, info)}: {@link Acquires#enterConnect} with {@code this} and the
     * arguments, and {@link Acquires#exitConnect}.
     */
    CONNECT(Opcodes.ARETURN) {
      @Override
      void enter(MethodVisitor mv) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, ACQUIRES, "enterConnect", ENTER_CONNECT, false);
      }

      @Override
      void exit(MethodVisitor mv) {
        acquireExit(mv, "exitConnect");
      }

      @Override
      void thrown(MethodVisitor mv) {
        acquireThrown(mv, "exitConnect");
      }
    },

    /** {@code Servlet.service} and {@code Filter.doFilter}: {@link ServletRequests}. */
    REQUEST(Opcodes.RETURN) {
      @Override
      void enter(MethodVisitor mv) {
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, REQUESTS, "enter", "(Ljava/lang/Object;)V", false);
      }

      @Override
      void exit(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, REQUESTS, "exit", "()V", false);
      }

      @Override
      void thrown(MethodVisitor mv) {
        exit(mv);
      }
    };

    private static final String ACQUIRES = "io/querylens/agent/internal/Acquires";
    private static final String EXIT =
        "(Ljava/sql/Connection;Ljava/lang/Throwable;)Ljava/sql/Connection;";
    private static final String ENTER_CONNECT =
        "(Ljava/lang/Object;Ljava/lang/String;Ljava/util/Properties;)V";
    private static final String REQUESTS = "io/querylens/agent/internal/ServletRequests";

    /** The return instruction of the methods this hook rewrites. */
    final int returnOpcode;

    Hook(int returnOpcode) {
      this.returnOpcode = returnOpcode;
    }

    /** Code at the method's start, with the arguments in their locals and an empty stack. */
    abstract void enter(MethodVisitor mv);

    /** Code before each return instruction; leaves the value to return, if any, on the stack. */
    abstract void exit(MethodVisitor mv);

    /** Code in the handler, with the throwable on the stack; leaves it there. */
    abstract void thrown(MethodVisitor mv);

    /** Before a return: stack connection -> the connection {@code Acquires.exitName} returns. */
    private static void acquireExit(MethodVisitor mv, String exitName) {
      mv.visitInsn(Opcodes.ACONST_NULL);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, ACQUIRES, exitName, EXIT, false);
    }

    /** In the handler: stack thrown -> thrown, having told {@code Acquires.exitName}. */
    private static void acquireThrown(MethodVisitor mv, String exitName) {
      mv.visitInsn(Opcodes.DUP);
      mv.visitInsn(Opcodes.ACONST_NULL);
      mv.visitInsn(Opcodes.SWAP);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, ACQUIRES, exitName, EXIT, false);
      mv.visitInsn(Opcodes.POP);
    }
  }

  private static final class Rewriter extends ClassVisitor {
    private final int roles;
    private boolean frames;
    private boolean rewritten;

    Rewriter(ClassWriter writer, int roles) {
      super(Opcodes.ASM9, writer);
      this.roles = roles;
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      frames = (version & 0xFFFF) >= Opcodes.V1_6; // Java 5 and older verify without frames
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      Hook hook = hook(roles, access, name, descriptor);
      if (hook == null || mv == null) {
        return mv;
      }
      rewritten = true;
      return new HookedMethod(mv, hook, frames);
    }
  }

  private static final class HookedMethod extends MethodVisitor {
    private static final Object[] NO_LOCALS = {};
    private static final Object[] THROWABLE = {"java/lang/Throwable"};

    private final Hook hook;
    private final boolean frames;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();

    HookedMethod(MethodVisitor mv, Hook hook, boolean frames) {
      super(Opcodes.ASM9, mv);
      this.hook = hook;
      this.frames = frames;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      hook.enter(mv);
      mv.visitLabel(start);
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == hook.returnOpcode) {
        hook.exit(mv);
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      // appended last, so the method's own handlers come first in the exception table
      mv.visitLabel(end);
      mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
      mv.visitLabel(handler);
      if (frames) {
        // every local dropped (TOP): the handler reads none, so any frame in the body fits
        mv.visitFrame(Opcodes.F_FULL, 0, NO_LOCALS, 1, THROWABLE);
      }
      hook.thrown(mv);
      mv.visitInsn(Opcodes.ATHROW);
      // the hooks push at most two values over the stack they find, three on the empty stack at
      // entry (connect's); the handler needs three
      super.visitMaxs(Math.max(maxStack + 2, 3), maxLocals);
    }
  }

  /**
   * A writer that computes neither frames nor maximums, and refuses to look up a class hierarchy
   * (it would load classes through the agent's loader) should ASM ever need one.
   */
  private static final class NoHierarchyWriter extends ClassWriter {
    NoHierarchyWriter(ClassReader reader) {
      super(reader, 0);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
      throw new UnsupportedOperationException("no class hierarchy: " + type1 + ", " + type2);
    }
  }
}
