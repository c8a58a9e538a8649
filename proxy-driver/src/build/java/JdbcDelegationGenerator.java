import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * Writes the {@code Delegating*} base classes of QueryLens's JDBC wrappers: for each JDBC
 * interface, an abstract class whose every method is {@code return delegate.m(args);}, but for two
 * patterned families that call a hook of the wrapper after the delegate (see {@link Kind}). The
 * hand-written {@code QueryLens*} wrappers extend them, implement the hooks and override only what
 * else they intercept (decision 0025).
 *
 * <p>Run by Maven in {@code generate-sources} as a single-file program of the JDK that builds (see
 * {@code proxy-driver/pom.xml}); its one argument is the source root to write to. It reads the
 * interfaces by reflection, so the methods are exactly those of the building JDK's {@code
 * java.sql}; parameter names, which the JDK's class files do not keep, follow JDBC's own from the
 * rules in {@link #parameterNames}. A file is rewritten only when its text changes, so that an
 * unchanged build does not recompile the module.
 */
public class JdbcDelegationGenerator {

  static final String PACKAGE = "io.querylens.jdbc.internal";

  /**
   * One generated class, {@code Delegating<Interface>}.
   *
   * @param jdbc the interface it implements
   * @param isPublic whether it is public: when the wrapper extending it is, so that the wrapper
   *     needs no bridge methods (javac adds one for each public method a public class inherits from
   *     a package-private one)
   * @param typeParameters its type parameters, or ""
   * @param superclass null for a root class, which holds the {@code delegate} field; else the
   *     hand-written wrapper of the interface {@code jdbc} extends, whose methods are not generated
   *     again (they are that wrapper's, hand-written or generated)
   * @param constructor the constructor's parameters, the delegate first, as in the superclass's
   * @param imports what those parameters need imported
   */
  record Base(
      Class<?> jdbc,
      boolean isPublic,
      String typeParameters,
      String superclass,
      String constructor,
      String... imports) {
    String name() {
      return "Delegating" + jdbc.getSimpleName();
    }

    /** The interface of the superclass, whose methods are not generated here, or null. */
    Class<?> superInterface() {
      return superclass == null ? null : jdbc.getInterfaces()[0];
    }

    List<String> constructorParameters() {
      return List.of(constructor.split(", "));
    }

    String delegateType() {
      return constructor.substring(0, constructor.indexOf(' '));
    }
  }

  /**
   * Statement ⊂ PreparedStatement ⊂ CallableStatement: each generated class holds only the methods
   * its interface adds and extends the hand-written wrapper of the interface above it, so the chain
   * is DelegatingStatement ← QueryLensStatement ← DelegatingPreparedStatement ←
   * QueryLensPreparedStatement ← DelegatingCallableStatement ← QueryLensCallableStatement, and no
   * method is written twice.
   */
  static final List<Base> BASES =
      List.of(
          new Base(Connection.class, true, "", null, "Connection delegate"),
          new Base(Statement.class, true, "<S extends Statement>", null, "S delegate"),
          new Base(
              PreparedStatement.class,
              true,
              "<S extends PreparedStatement>",
              "QueryLensStatement<S>",
              "S delegate, QueryLensConnection connection"),
          new Base(
              CallableStatement.class,
              true,
              "",
              "QueryLensPreparedStatement<CallableStatement>",
              "CallableStatement delegate, QueryLensConnection connection, QueryShape shape",
              "io.querylens.core.QueryShape"),
          new Base(ResultSet.class, true, "", null, "ResultSet delegate"),
          new Base(DatabaseMetaData.class, false, "", null, "DatabaseMetaData delegate"));

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: JdbcDelegationGenerator <source root>");
    }
    Path dir = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(dir);
    for (Base base : BASES) {
      Path file = dir.resolve(base.name() + ".java");
      String text = new Writer(base).write();
      if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * The methods generated for {@code base}: those its interface declares (default methods too, so
   * that a driver's own implementation of a JDBC 4.2/4.3 default is reached), less those of the
   * interface its superclass already implements. Wrapper's {@code unwrap}/{@code isWrapperFor} are
   * not declared by these interfaces, so they stay abstract: every wrapper answers them itself.
   */
  static List<Method> methods(Base base) {
    Set<String> inherited = new HashSet<>();
    if (base.superInterface() != null) {
      for (Method m : base.superInterface().getMethods()) {
        inherited.add(signature(m));
      }
    }
    return Arrays.stream(base.jdbc().getDeclaredMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
        .filter(m -> !inherited.contains(signature(m)))
        .sorted(
            Comparator.comparing(Method::getName)
                .thenComparingInt(Method::getParameterCount)
                .thenComparing(JdbcDelegationGenerator::signature))
        .collect(Collectors.toList());
  }

  /** What a generated method does besides calling the same method of the delegate. */
  enum Kind {
    /** {@code return delegate.m(args);} */
    DELEGATE,
    /**
     * A prepared or callable statement's setter: {@code delegate.setX(p, x, ...); bound(p,
     * ParameterHash.of(x));} ({@code ParameterHash.NULL} for {@code setNull}), so that the value's
     * hash counts for the N+1 and duplicate findings. {@code x} has the interface's static type, so
     * the same {@code ParameterHash.of} overload is chosen as in hand-written code; the delegate is
     * called first, so a driver's exception skips the binding.
     */
    BIND,
    /**
     * A DatabaseMetaData method returning a cursor: {@code return resultSet(delegate.m(args));},
     * the wrapper's hook wrapping it so that it leads back to the connection.
     */
    WRAP_RESULT_SET
  }

  static Kind kind(Class<?> jdbc, Method m) {
    if ((jdbc == PreparedStatement.class || jdbc == CallableStatement.class)
        && m.getName().startsWith("set")
        && m.getReturnType() == void.class
        && addressesColumnOrParameter(jdbc, m.getName())
        && m.getParameterCount() > 0) {
      return Kind.BIND;
    }
    if (jdbc == DatabaseMetaData.class && m.getReturnType() == ResultSet.class) {
      return Kind.WRAP_RESULT_SET;
    }
    return Kind.DELEGATE;
  }

  static String signature(Method m) {
    return m.getName()
        + Arrays.stream(m.getParameterTypes())
            .map(Class::getTypeName)
            .collect(Collectors.joining(",", "(", ")"));
  }

  // ---- parameter names ---------------------------------------------------------------------

  /** Names where the rules below would not give JDBC's own, by "method(SimpleType,...)". */
  static final Map<String, String> NAMES = new HashMap<>();

  static {
    // Statement
    NAMES.put("getMoreResults(int)", "current");
    NAMES.put("enquoteLiteral(String)", "val");
    NAMES.put("enquoteNCharLiteral(String)", "val");
    NAMES.put("enquoteIdentifier(String,boolean)", "identifier alwaysQuote");
    NAMES.put("isSimpleIdentifier(String)", "identifier");
    // Connection
    NAMES.put("isValid(int)", "timeout");
    NAMES.put("getClientInfo(String)", "name");
    NAMES.put("setClientInfo(String,String)", "name value");
    NAMES.put("setClientInfo(Properties)", "properties");
    NAMES.put("setSavepoint(String)", "name");
    NAMES.put("createArrayOf(String,Object[])", "typeName elements");
    NAMES.put("createStruct(String,Object[])", "typeName attributes");
    NAMES.put("setNetworkTimeout(Executor,int)", "executor milliseconds");
    NAMES.put("setShardingKey(ShardingKey,ShardingKey)", "shardingKey superShardingKey");
    NAMES.put(
        "setShardingKeyIfValid(ShardingKey,ShardingKey,int)",
        "shardingKey superShardingKey timeout");
    NAMES.put("setShardingKeyIfValid(ShardingKey,int)", "shardingKey timeout");
    // ResultSet
    NAMES.put("absolute(int)", "row");
    NAMES.put("relative(int)", "rows");
    // DatabaseMetaData
    NAMES.put("getProcedures(String,String,String)", "catalog schemaPattern procedureNamePattern");
    NAMES.put(
        "getProcedureColumns(String,String,String,String)",
        "catalog schemaPattern procedureNamePattern columnNamePattern");
    NAMES.put(
        "getTables(String,String,String,String[])", "catalog schemaPattern tableNamePattern types");
    NAMES.put(
        "getColumns(String,String,String,String)",
        "catalog schemaPattern tableNamePattern columnNamePattern");
    NAMES.put(
        "getColumnPrivileges(String,String,String,String)",
        "catalog schema table columnNamePattern");
    NAMES.put("getTablePrivileges(String,String,String)", "catalog schemaPattern tableNamePattern");
    NAMES.put(
        "getBestRowIdentifier(String,String,String,int,boolean)",
        "catalog schema table scope nullable");
    NAMES.put("getVersionColumns(String,String,String)", "catalog schema table");
    NAMES.put("getPrimaryKeys(String,String,String)", "catalog schema table");
    NAMES.put("getImportedKeys(String,String,String)", "catalog schema table");
    NAMES.put("getExportedKeys(String,String,String)", "catalog schema table");
    NAMES.put(
        "getCrossReference(String,String,String,String,String,String)",
        "parentCatalog parentSchema parentTable foreignCatalog foreignSchema foreignTable");
    NAMES.put(
        "getIndexInfo(String,String,String,boolean,boolean)",
        "catalog schema table unique approximate");
    NAMES.put("getUDTs(String,String,String,int[])", "catalog schemaPattern typeNamePattern types");
    NAMES.put("getSuperTypes(String,String,String)", "catalog schemaPattern typeNamePattern");
    NAMES.put("getSuperTables(String,String,String)", "catalog schemaPattern tableNamePattern");
    NAMES.put(
        "getAttributes(String,String,String,String)",
        "catalog schemaPattern typeNamePattern attributeNamePattern");
    NAMES.put("getSchemas(String,String)", "catalog schemaPattern");
    NAMES.put("getFunctions(String,String,String)", "catalog schemaPattern functionNamePattern");
    NAMES.put(
        "getFunctionColumns(String,String,String,String)",
        "catalog schemaPattern functionNamePattern columnNamePattern");
    NAMES.put(
        "getPseudoColumns(String,String,String,String)",
        "catalog schemaPattern tableNamePattern columnNamePattern");
    NAMES.put("supportsConvert(int,int)", "fromType toType");
    NAMES.put("supportsResultSetConcurrency(int,int)", "type concurrency");
    NAMES.put("supportsTransactionIsolationLevel(int)", "level");
    NAMES.put("supportsResultSetHoldability(int)", "holdability");
  }

  /**
   * JDBC's parameter names, by rule: the column or parameter a getter, setter or updater addresses
   * is {@code columnIndex}/{@code columnLabel} (ResultSet) or {@code parameterIndex}/{@code
   * parameterName} (prepared and callable statements), the value it sets {@code x}, a stream's
   * length {@code length}; SQL text is {@code sql}; a one-argument {@code setFoo} takes {@code
   * foo}; the rest are named after their type ({@code cal}, {@code map}, {@code type}), or listed
   * in {@link #NAMES}.
   */
  static List<String> parameterNames(Class<?> jdbc, Method m) {
    Class<?>[] types = m.getParameterTypes();
    String key =
        m.getName()
            + Arrays.stream(types)
                .map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    String listed = NAMES.get(key);
    if (listed != null) {
      return List.of(listed.split(" "));
    }
    String name = m.getName();
    boolean addressed = addressesColumnOrParameter(jdbc, name) && types.length > 0;
    boolean statementKind = name.startsWith("create") || name.startsWith("prepare");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      Class<?> previous = i == 0 ? null : types[i - 1];
      String n;
      if (addressed && i == 0) {
        boolean byIndex = t == int.class;
        n =
            jdbc == ResultSet.class
                ? (byIndex ? "columnIndex" : "columnLabel")
                : (byIndex ? "parameterIndex" : "parameterName");
      } else if (i == 0 && t == String.class && takesSql(name)) {
        n = "sql";
      } else if (t == java.util.Calendar.class) {
        n = "cal";
      } else if (t == Map.class) {
        n = "map";
      } else if (t == Class.class) {
        n = "type";
      } else if (t == java.sql.SQLType.class) {
        n = name.equals("registerOutParameter") ? "sqlType" : "targetSqlType";
      } else if (t == int[].class) {
        n = "columnIndexes";
      } else if (t == String[].class) {
        n = "columnNames";
      } else if (statementKind && t == int.class) {
        // createStatement(type, concurrency[, holdability]); prepareStatement(sql, ints...)
        int position = i - (types[0] == String.class ? 1 : 0);
        int ints = types.length - (types[0] == String.class ? 1 : 0);
        n =
            ints == 1
                ? "autoGeneratedKeys"
                : List.of("resultSetType", "resultSetConcurrency", "resultSetHoldability")
                    .get(position);
      } else if (name.startsWith("execute") && t == int.class) {
        n = "autoGeneratedKeys";
      } else if (addressed) {
        n = addressedArgument(name, i, t, previous);
      } else if (types.length == 1 && name.startsWith("set") && name.length() > 3) {
        n = decapitalize(name.substring(3));
      } else if (jdbc == DatabaseMetaData.class && t == int.class) {
        n = "type"; // ownUpdatesAreVisible(type), supportsResultSetType(type), ...
      } else {
        n = decapitalize(t.getSimpleName());
      }
      if (!SourceVersion.isName(n)) {
        throw new IllegalStateException("no parameter name for " + t + " of " + m);
      }
      names.add(n);
    }
    return names;
  }

  /** Whether {@code name}'s first parameter is the column or parameter it reads or writes. */
  static boolean addressesColumnOrParameter(Class<?> jdbc, String name) {
    if (jdbc == ResultSet.class) {
      return name.startsWith("get") || name.startsWith("update") || name.equals("findColumn");
    }
    if (jdbc == PreparedStatement.class || jdbc == CallableStatement.class) {
      return name.startsWith("set")
          || name.startsWith("get")
          || name.equals("registerOutParameter");
    }
    return false;
  }

  static boolean takesSql(String name) {
    return name.startsWith("execute")
        || name.startsWith("prepare")
        || name.equals("addBatch")
        || name.equals("nativeSQL");
  }

  /** The name of argument {@code i > 0} of a getter, setter, updater or registerOutParameter. */
  static String addressedArgument(String name, int i, Class<?> t, Class<?> previous) {
    boolean sqlTypeCode = name.equals("setNull") || name.equals("registerOutParameter");
    if (i == 1) {
      if (sqlTypeCode) {
        return "sqlType";
      }
      return name.startsWith("get") ? "scale" : "x";
    }
    if (t == String.class) {
      return "typeName";
    }
    if (previous == java.io.InputStream.class || previous == java.io.Reader.class) {
      return "length";
    }
    if (name.equals("registerOutParameter")) {
      return "scale";
    }
    if (name.equals("setObject") && previous == Object.class) {
      return "targetSqlType";
    }
    return "scaleOrLength";
  }

  static String decapitalize(String s) {
    int upper = 0;
    while (upper < s.length() && Character.isUpperCase(s.charAt(upper))) {
      upper++;
    }
    if (upper == 0) {
      return s;
    }
    // "SQLXML" -> "sqlxml", "URL" -> "url", "RowId" -> "rowId", "NClob" -> "nClob"
    int lower = upper == s.length() || upper == 1 ? upper : upper - 1;
    return s.substring(0, lower).toLowerCase(java.util.Locale.ROOT) + s.substring(lower);
  }

  // ---- writing -----------------------------------------------------------------------------

  /** Writes one class: imports are collected while the body is written, then put in front. */
  static final class Writer {
    final Base base;
    final Map<String, String> imports = new TreeMap<>(); // simple name -> qualified name

    Writer(Base base) {
      this.base = base;
    }

    String write() {
      imports.put(base.jdbc().getSimpleName(), base.jdbc().getName());
      if (base.superInterface() != null) { // named in the javadoc
        imports.put(base.superInterface().getSimpleName(), base.superInterface().getName());
      }
      for (String i : base.imports()) {
        imports.put(i.substring(i.lastIndexOf('.') + 1), i);
      }
      List<Method> methods = methods(base);
      StringBuilder body = new StringBuilder();
      for (Method m : methods) {
        body.append('\n');
        method(body, m);
      }
      boolean deprecated = methods.stream().anyMatch(m -> m.isAnnotationPresent(Deprecated.class));

      StringBuilder out = new StringBuilder();
      out.append("// Generated by proxy-driver/src/build/java/JdbcDelegationGenerator.java from\n")
          .append("// java.sql.")
          .append(base.jdbc().getSimpleName())
          .append(" of Java ")
          .append(Runtime.version().feature())
          .append(". Do not edit: override in the QueryLens wrapper.\n")
          .append("package ")
          .append(PACKAGE)
          .append(";\n\n");
      for (String q : new TreeSet<>(imports.values())) {
        if (!q.startsWith("java.lang.") || q.lastIndexOf('.') != "java.lang".length()) {
          out.append("import ").append(q).append(";\n");
        }
      }
      String what =
          base.superclass() == null
              ? "every method {@link " + base.jdbc().getSimpleName() + "} declares"
              : "the methods {@link "
                  + base.jdbc().getSimpleName()
                  + "} adds to {@link "
                  + base.superInterface().getSimpleName()
                  + "}";
      String doc =
          "Plain delegation of "
              + what
              + " to the wrapped object, generated at build time (decision 0025); "
              + base.name().replace("Delegating", "QueryLens")
              + " extends it and overrides what it intercepts."
              + (methods.stream().anyMatch(m -> kind(base.jdbc(), m) == Kind.BIND)
                  ? " The setters, after the delegate's, hand the value's hash to the wrapper's"
                      + " {@code bound}."
                  : "")
              + (methods.stream().anyMatch(m -> kind(base.jdbc(), m) == Kind.WRAP_RESULT_SET)
                  ? " The cursors the delegate returns are wrapped by the wrapper's {@code"
                      + " resultSet}."
                  : "")
              + (base.isPublic()
                  ? " Internal: public only so that the public wrapper needs no bridge methods."
                  : "");
      out.append("\n/**\n");
      StringBuilder line = new StringBuilder(" *");
      for (String word : doc.split(" ")) {
        if (line.length() + 1 + word.length() > 100) {
          out.append(line).append('\n');
          line = new StringBuilder(" *");
        }
        line.append(' ').append(word);
      }
      out.append(line).append("\n */\n");
      if (deprecated) {
        out.append(
            "@SuppressWarnings(\"deprecation\") // deprecated JDBC methods still delegate\n");
      }
      String declaration =
          (base.isPublic() ? "public " : "")
              + "abstract class "
              + base.name()
              + base.typeParameters();
      String extendsClause = base.superclass() == null ? "" : "extends " + base.superclass();
      String implementsClause = "implements " + base.jdbc().getSimpleName();
      if (declaration.length() + extendsClause.length() + implementsClause.length() + 4 <= 100) {
        out.append(declaration)
            .append(extendsClause.isEmpty() ? "" : " " + extendsClause)
            .append(' ')
            .append(implementsClause)
            .append(" {\n");
      } else if (4 + extendsClause.length() + implementsClause.length() + 3 <= 100) {
        out.append(declaration)
            .append("\n    ")
            .append(extendsClause)
            .append(extendsClause.isEmpty() ? "" : " ")
            .append(implementsClause)
            .append(" {\n");
      } else {
        out.append(declaration).append("\n    ").append(extendsClause);
        out.append("\n    ").append(implementsClause).append(" {\n");
      }
      if (base.superclass() == null) {
        out.append("  final ").append(base.delegateType()).append(" delegate;\n\n");
      }
      wrap(out, "  " + base.name() + "(", base.constructorParameters(), ") {", 6);
      if (base.superclass() == null) {
        out.append("    this.delegate = delegate;\n");
      } else {
        out.append("    super(")
            .append(
                base.constructorParameters().stream()
                    .map(p -> p.substring(p.lastIndexOf(' ') + 1))
                    .collect(Collectors.joining(", ")))
            .append(");\n");
      }
      out.append("  }\n");
      hooks(out, methods);
      out.append(body).append("}\n");
      return out.toString();
    }

    /**
     * Declares the hooks the generated methods call, abstract: the hand-written wrapper implements
     * them ({@code bound} by parameter index or name, {@code resultSet}).
     */
    void hooks(StringBuilder out, List<Method> methods) {
      Set<Class<?>> addressedBy = new TreeSet<>(Comparator.comparing(Class::getName));
      boolean wrapsResultSets = false;
      for (Method m : methods) {
        Kind kind = kind(base.jdbc(), m);
        if (kind == Kind.BIND) {
          addressedBy.add(m.getParameterTypes()[0]);
        } else if (kind == Kind.WRAP_RESULT_SET) {
          wrapsResultSets = true;
        }
      }
      for (Class<?> address : addressedBy) {
        String name = address == int.class ? "parameterIndex" : "parameterName";
        out.append(
                "\n  /** Called by the setters after the delegate's, with the value's hash. */\n")
            .append("  abstract void bound(")
            .append(type(address))
            .append(' ')
            .append(name)
            .append(", long valueHash);\n");
      }
      if (wrapsResultSets) {
        out.append("\n  /** Wraps a cursor the delegate returned (which may be null). */\n")
            .append("  abstract ResultSet resultSet(ResultSet rs);\n");
      }
    }

    void method(StringBuilder out, Method m) {
      List<String> names = parameterNames(base.jdbc(), m);
      Type[] types = m.getGenericParameterTypes();
      if (names.size() != types.length || new HashSet<>(names).size() != names.size()) {
        throw new IllegalStateException("parameter names " + names + " do not fit " + m);
      }
      List<String> parameters = new ArrayList<>();
      for (int i = 0; i < types.length; i++) {
        boolean varargs = m.isVarArgs() && i == types.length - 1;
        String type = type(types[i]);
        parameters.add(
            (varargs ? type.substring(0, type.length() - 2) + "..." : type) + " " + names.get(i));
      }
      String typeParameters = typeParameters(m.getTypeParameters());
      String returns = type(m.getGenericReturnType());
      String exceptions =
          Arrays.stream(m.getExceptionTypes()).map(this::type).collect(Collectors.joining(", "));
      String head = "  public " + typeParameters + returns + " " + m.getName() + "(";
      String tail = ")" + (exceptions.isEmpty() ? "" : " throws " + exceptions) + " {";

      out.append("  @Override\n");
      wrap(out, head, parameters, tail, 6);
      switch (kind(base.jdbc(), m)) {
        case DELEGATE ->
            wrap(
                out,
                "    "
                    + (m.getReturnType() == void.class ? "" : "return ")
                    + "delegate."
                    + m.getName()
                    + "(",
                names,
                ");",
                8);
        case BIND -> {
          boolean isNull = m.getName().equals("setNull");
          if (!isNull && !names.contains("x")) {
            throw new IllegalStateException("no value x to bind in " + m);
          }
          imports.put("ParameterHash", "io.querylens.core.intercept.ParameterHash");
          wrap(out, "    delegate." + m.getName() + "(", names, ");", 8);
          out.append("    bound(")
              .append(names.get(0))
              .append(", ParameterHash.")
              .append(isNull ? "NULL" : "of(x)")
              .append(");\n");
        }
        case WRAP_RESULT_SET -> {
          String call = "delegate." + m.getName() + "(";
          String joined = String.join(", ", names);
          if (("    return resultSet(" + call + joined + "));").length() <= 100) {
            out.append("    return resultSet(").append(call).append(joined).append("));\n");
          } else {
            out.append("    return resultSet(\n");
            wrap(out, "        " + call, names, "));", 12);
          }
        }
      }
      out.append("  }\n");
    }

    /**
     * Writes {@code head + items + tail} (a declaration or a call) as google-java-format would: on
     * one line if it fits in 100 columns, else the items on a continuation line indented by {@code
     * indent}, else one item a line; a {@code throws} clause that does not fit goes on a line of
     * its own.
     */
    static void wrap(StringBuilder out, String head, List<String> items, String tail, int indent) {
      String joined = String.join(", ", items);
      String rest = tail.substring(1); // tail is ")" and then " throws ... {", " {", ";" or ");"
      String pad = " ".repeat(indent);
      boolean shortRest = !rest.startsWith(" throws");
      if (head.length() + joined.length() + tail.length() <= 100) {
        out.append(head).append(joined).append(tail).append('\n');
      } else if (!shortRest && head.length() + joined.length() + 1 <= 100) {
        out.append(head).append(joined).append(")\n").append(pad).append(rest.strip()).append('\n');
      } else if (indent + joined.length() + 1 <= 100) {
        out.append(head).append('\n').append(pad).append(joined).append(')');
        if (shortRest || indent + joined.length() + tail.length() <= 100) {
          out.append(rest).append('\n');
        } else {
          out.append('\n').append(pad).append(rest.strip()).append('\n');
        }
      } else {
        out.append(head).append('\n').append(pad).append(String.join(",\n" + pad, items));
        out.append(')').append(shortRest ? rest : "\n" + pad + rest.strip()).append('\n');
      }
    }

    String typeParameters(TypeVariable<?>[] variables) {
      if (variables.length == 0) {
        return "";
      }
      List<String> written = new ArrayList<>();
      for (TypeVariable<?> v : variables) {
        List<String> bounds =
            Arrays.stream(v.getBounds())
                .filter(b -> b != Object.class)
                .map(this::type)
                .collect(Collectors.toList());
        written.add(
            v.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds)));
      }
      return "<" + String.join(", ", written) + "> ";
    }

    /** {@code t} as source, importing what it names (fully qualified on a clash of names). */
    String type(Type t) {
      if (t instanceof Class<?> c) {
        if (c.isArray()) {
          return type(c.getComponentType()) + "[]";
        }
        if (c.isPrimitive()) {
          return c.getName();
        }
        if (c.getEnclosingClass() != null) {
          return type(c.getEnclosingClass()) + "." + c.getSimpleName();
        }
        String simple = c.getSimpleName();
        String known = imports.putIfAbsent(simple, c.getName());
        if (known != null && !known.equals(c.getName())) {
          return c.getName();
        }
        return simple;
      }
      if (t instanceof ParameterizedType p) {
        return type(p.getRawType())
            + Arrays.stream(p.getActualTypeArguments())
                .map(this::type)
                .collect(Collectors.joining(", ", "<", ">"));
      }
      if (t instanceof WildcardType w) {
        if (w.getLowerBounds().length > 0) {
          return "? super " + type(w.getLowerBounds()[0]);
        }
        Type upper = w.getUpperBounds()[0];
        return upper == Object.class ? "?" : "? extends " + type(upper);
      }
      if (t instanceof TypeVariable<?> v) {
        return v.getName();
      }
      if (t instanceof GenericArrayType a) {
        return type(a.getGenericComponentType()) + "[]";
      }
      throw new IllegalStateException("unexpected type " + t);
    }
  }
}
