package io.seismo.rules.sandbox;

import io.seismo.rules.event.EventKind;
import io.seismo.rules.event.Level;
import io.seismo.rules.finding.Severity;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ConstructorNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.transform.stc.ExtensionMethodNode;

/**
 * What a rule may call: public methods of {@link RuleApi} classes, plain value types (numbers, strings,
 * enums, durations, read-only use of collections), and a short list of Groovy's extension methods. No
 * constructor at all. Everything else (I/O, processes, reflection, threads, class loading, meta-programming,
 * {@code sleep}, regular expressions, unbounded repetition) is out because it is not on the list.
 */
final class SandboxPolicy {

    private static final Set<String> VALUE_TYPES = Set.of(
            Number.class.getName(), Integer.class.getName(), Long.class.getName(), Double.class.getName(),
            Float.class.getName(), Short.class.getName(), Byte.class.getName(), Boolean.class.getName(),
            Character.class.getName(), BigDecimal.class.getName(), BigInteger.class.getName(),
            Math.class.getName(), Enum.class.getName(), Comparable.class.getName(), CharSequence.class.getName(),
            Duration.class.getName(), Level.class.getName(), Severity.class.getName(),
            EventKind.class.getName(), Collection.class.getName(), List.class.getName(),
            Set.class.getName(), Map.class.getName(), Map.Entry.class.getName(),
            Iterable.class.getName(), Iterator.class.getName());

    /** Methods of the value types that hand out a class, block, or break determinism. */
    private static final Set<String> DENIED_ON_VALUE_TYPES = Set.of(
            "getClass", "getDeclaringClass", "describeConstable", "wait", "notify", "notifyAll", "random");

    private static final Set<String> STRING_METHODS = Set.of(
            "equals", "equalsIgnoreCase", "contains", "startsWith", "endsWith", "isEmpty", "isBlank", "length",
            "toLowerCase", "toUpperCase", "trim", "strip", "indexOf", "lastIndexOf", "substring", "charAt",
            "compareTo", "compareToIgnoreCase", "hashCode", "toString", "valueOf", "concat");

    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

    private static final Set<String> GROOVY_EXTENSION_HOLDERS = Set.of(
            "org.codehaus.groovy.runtime.DefaultGroovyMethods", "org.codehaus.groovy.runtime.StringGroovyMethods",
            "org.codehaus.groovy.runtime.ArrayGroovyMethods");

    private static final Set<String> GROOVY_EXTENSIONS = Set.of(
            "isCase", "asBoolean", "size", "getAt", "contains", "any", "every", "count", "find", "findAll",
            "collect", "sum", "max", "min", "first", "last", "join", "toInteger", "toLong", "toDouble",
            "toBigDecimal", "isNumber", "isInteger", "isLong", "isDouble", "isBigDecimal", "plus", "minus", "div",
            "intdiv", "mod", "abs", "round", "multiply", "power", "capitalize", "startsWith", "endsWith",
            "isBlank", "equals", "compareTo", "is");

    /** On a string or a collection these repeat their input or run a regular expression. */
    private static final Set<String> GROOVY_EXTENSIONS_FOR_NUMBERS_ONLY = Set.of("multiply", "power");
    private static final Set<String> GROOVY_EXTENSIONS_NOT_FOR_TEXT = Set.of("find", "findAll");
    private static final Set<String> GROOVY_EXTENSIONS_ON_ANY_OBJECT = Set.of("is", "isCase", "asBoolean");

    private SandboxPolicy() {
    }

    static boolean allows(MethodNode method) {
        if (method instanceof ExtensionMethodNode extension) {
            return allowsExtension(extension.getExtensionMethodNode());
        }
        if (method instanceof ConstructorNode || !Modifier.isPublic(method.getModifiers())) {
            return false;
        }
        ClassNode owner = method.getDeclaringClass();
        String ownerName = owner.getName();
        String name = method.getName();
        if (isRuleApi(owner)) {
            return true;
        }
        if (String.class.getName().equals(ownerName) || "groovy.lang.GString".equals(ownerName)) {
            return STRING_METHODS.contains(name);
        }
        if (Object.class.getName().equals(ownerName)) {
            return OBJECT_METHODS.contains(name);
        }
        return VALUE_TYPES.contains(ownerName) && !DENIED_ON_VALUE_TYPES.contains(name);
    }

    private static boolean allowsExtension(MethodNode method) {
        ClassNode holder = method.getDeclaringClass();
        if (isRuleApi(holder)) {
            return true;
        }
        String name = method.getName();
        if (!GROOVY_EXTENSION_HOLDERS.contains(holder.getName()) || !GROOVY_EXTENSIONS.contains(name)) {
            return false;
        }
        Parameter[] parameters = method.getParameters();
        if (parameters.length == 0) {
            return false;
        }
        ClassNode receiver = parameters[0].getType();
        if (ClassHelper.isObjectType(receiver)) {
            return GROOVY_EXTENSIONS_ON_ANY_OBJECT.contains(name);
        }
        if (GROOVY_EXTENSIONS_FOR_NUMBERS_ONLY.contains(name)) {
            return isNumber(receiver);
        }
        if (GROOVY_EXTENSIONS_NOT_FOR_TEXT.contains(name)) {
            return !isText(receiver);
        }
        return true;
    }

    private static boolean isRuleApi(ClassNode type) {
        return !type.getAnnotations(ClassHelper.make(RuleApi.class)).isEmpty();
    }

    private static boolean isNumber(ClassNode type) {
        ClassNode boxed = ClassHelper.getWrapper(type);
        return boxed.isDerivedFrom(ClassHelper.Number_TYPE) || ClassHelper.Number_TYPE.equals(boxed);
    }

    private static boolean isText(ClassNode type) {
        return ClassHelper.STRING_TYPE.equals(type) || type.implementsInterface(ClassHelper.make(CharSequence.class))
                || CharSequence.class.getName().equals(type.getName());
    }
}
