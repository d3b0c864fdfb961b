package io.stockroom.e2e.browser;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The system started by the harness ({@code io.stockroom.e2e.Stack}, one per test JVM, shared with the HTTP tests),
 * seen from this package: the producer's address and the first admin's credentials.
 * <p>
 * {@code Stack} and its accessors are package-private and not ours to change, so they are reached by reflection here,
 * in this one place. If {@code Stack} becomes public, replace this class by direct calls.
 */
record RunningSystem(String producerUrl, String healthUrl, String adminUsername, String adminPassword) {

    static RunningSystem get() {
        try {
            Class<?> stackClass = Class.forName("io.stockroom.e2e.Stack");
            Object stack = accessible(stackClass.getDeclaredMethod("get")).invoke(null);
            return new RunningSystem(
                    (String) accessible(stackClass.getDeclaredMethod("producerUrl")).invoke(stack),
                    (String) accessible(stackClass.getDeclaredMethod("healthUrl")).invoke(stack),
                    (String) field(stackClass, "adminUsername").get(stack),
                    (String) field(stackClass, "adminPassword").get(stack));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("The stack failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The e2e harness (io.stockroom.e2e.Stack) changed shape", e);
        }
    }

    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
