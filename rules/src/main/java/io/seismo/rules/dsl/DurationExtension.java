package io.seismo.rules.dsl;

import io.seismo.rules.sandbox.RuleApi;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code 500.milliseconds}, {@code 10.seconds}, {@code 1.minute}, {@code 2.hours}, {@code 1.5.minutes}:
 * registered as a Groovy extension module (META-INF/groovy), so the static type checker resolves them like
 * ordinary properties of numbers.
 */
@RuleApi
public final class DurationExtension {
    private DurationExtension() {
    }

    public static Duration getMillisecond(Number amount) {
        return of(amount, TimeUnit.MILLISECONDS);
    }

    public static Duration getMilliseconds(Number amount) {
        return of(amount, TimeUnit.MILLISECONDS);
    }

    public static Duration getSecond(Number amount) {
        return of(amount, TimeUnit.SECONDS);
    }

    public static Duration getSeconds(Number amount) {
        return of(amount, TimeUnit.SECONDS);
    }

    public static Duration getMinute(Number amount) {
        return of(amount, TimeUnit.MINUTES);
    }

    public static Duration getMinutes(Number amount) {
        return of(amount, TimeUnit.MINUTES);
    }

    public static Duration getHour(Number amount) {
        return of(amount, TimeUnit.HOURS);
    }

    public static Duration getHours(Number amount) {
        return of(amount, TimeUnit.HOURS);
    }

    public static Duration getDay(Number amount) {
        return of(amount, TimeUnit.DAYS);
    }

    public static Duration getDays(Number amount) {
        return of(amount, TimeUnit.DAYS);
    }

    private static Duration of(Number amount, TimeUnit unit) {
        BigDecimal value = amount instanceof BigDecimal decimal ? decimal
                : amount instanceof BigInteger integer ? new BigDecimal(integer)
                : amount instanceof Double || amount instanceof Float ? BigDecimal.valueOf(amount.doubleValue())
                : BigDecimal.valueOf(amount.longValue());
        BigDecimal nanos = value.multiply(BigDecimal.valueOf(unit.toNanos(1))).setScale(0, RoundingMode.HALF_UP);
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount + " " + unit.name().toLowerCase() + " is too long a duration", e);
        }
    }
}
