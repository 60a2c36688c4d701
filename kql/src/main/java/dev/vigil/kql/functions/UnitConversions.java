package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code convert_length}, {@code convert_mass}, {@code convert_speed}, {@code convert_angle}, {@code convert_force},
 * {@code convert_energy}, {@code convert_volume} and {@code convert_temperature}: (value, from unit, to unit), units named as Kusto names them ({@code 'Meter'},
 * {@code 'Foot'}, {@code 'DegreeFahrenheit'}, ...). A unit that is not one of the quantity's gives null. With both
 * units constant, the conversion is one multiplication (two terms for temperatures).
 */
final class UnitConversions {
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType STRING = KqlType.STRING;
    private static final double INCH = 0.0254;
    private static final double FOOT = 0.3048;
    private static final double US_SURVEY_FOOT = 1200.0 / 3937.0;
    private static final double YARD = 0.9144;
    private static final double MILE = 1609.344;
    private static final double LIGHT_YEAR = 9.46073047258e15;
    private static final double PARSEC = 3.08567758128e16;
    private static final String TILT = "Tilt";

    private UnitConversions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                linear("convert_length", length()),
                linear("convert_mass", mass()),
                linear("convert_speed", speed()),
                FunctionDeclaration.scalar("convert_angle", ColumnNaming.NONE, List.of(Signature.of(REAL, UnitConversions::angleConversion, REAL, STRING, STRING))),
                linear("convert_force", force()),
                linear("convert_energy", energy()),
                linear("convert_volume", volume()),
                FunctionDeclaration.scalar("convert_temperature", ColumnNaming.NONE, List.of(
                        Signature.of(REAL, UnitConversions::temperature, REAL, STRING, STRING))));
    }

    /**
     * Angles: multiples of the radian, and Tilt, the sine of the angle (Kusto's unit library defines it so), which is
     * read through asin and written through sin.
     */
    private static String angleConversion(RenderArguments a) {
        Map<String, Double> radians = angle();
        boolean constantUnits = a.constant(1).isPresent() && a.constant(2).isPresent();
        if (constantUnits && !TILT.equals(a.constant(1).get()) && !TILT.equals(a.constant(2).get())) {
            return linearSql(radians, a);
        }
        return SharedValue.let("CAST(" + a.sql(0) + " AS DOUBLE)", v -> SharedValue.let(
                "CASE WHEN " + a.sql(1) + " = '" + TILT + "' THEN asin(" + v + ") ELSE " + v + " * " + factor(radians, a.sql(1)) + " END",
                r -> "CASE WHEN " + a.sql(2) + " = '" + TILT + "' THEN sin(" + r + ") ELSE " + r + " / " + factor(radians, a.sql(2)) + " END"));
    }

    /** Units that are multiples of one base unit: value × factor(from) / factor(to). */
    private static FunctionDeclaration linear(String name, Map<String, Double> factors) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(Signature.of(REAL, a -> linearSql(factors, a), REAL, STRING, STRING)));
    }

    private static String linearSql(Map<String, Double> factors, RenderArguments a) {
        Optional<Double> from = a.constant(1).map(u -> factors.get((String) u));
        Optional<Double> to = a.constant(2).map(u -> factors.get((String) u));
        if (a.constant(1).isPresent() && a.constant(2).isPresent()) {
            return from.isPresent() && to.isPresent() ? "(" + a.sql(0) + " * " + literal(from.get() / to.get()) + ")" : a.nullOf(REAL);
        }
        return "(" + a.sql(0) + " * " + factor(factors, a.sql(1)) + " / " + factor(factors, a.sql(2)) + ")";
    }

    private static String factor(Map<String, Double> factors, String unit) {
        StringBuilder sql = new StringBuilder("CASE " + unit);
        factors.forEach((name, value) -> sql.append(" WHEN '").append(name).append("' THEN ").append(literal(value)));
        return sql.append(" END").toString();
    }

    private static String literal(double value) {
        return "CAST(" + value + " AS DOUBLE)";
    }

    /** Temperatures: to kelvin from the first unit, then from kelvin to the second. */
    private static String temperature(RenderArguments a) {
        return SharedValue.let("CAST(" + a.sql(0) + " AS DOUBLE)", v -> SharedValue.let(temperatureCase(a.sql(1), v, true),
                k -> temperatureCase(a.sql(2), k, false)));
    }

    private static String temperatureCase(String unit, String x, boolean toKelvin) {
        Map<String, String> formulas = new LinkedHashMap<>();
        formulas.put("Kelvin", x);
        formulas.put("DegreeCelsius", toKelvin ? x + " + 273.15" : x + " - 273.15");
        formulas.put("MillidegreeCelsius", toKelvin ? x + " / 1000 + 273.15" : "(" + x + " - 273.15) * 1000");
        formulas.put("DegreeFahrenheit", toKelvin ? "(" + x + " + 459.67) * 5 / 9" : x + " * 9 / 5 - 459.67");
        formulas.put("DegreeRankine", toKelvin ? x + " * 5 / 9" : x + " * 9 / 5");
        formulas.put("DegreeDelisle", toKelvin ? "373.15 - " + x + " * 2 / 3" : "(373.15 - " + x + ") * 3 / 2");
        formulas.put("DegreeNewton", toKelvin ? x + " * 100 / 33 + 273.15" : "(" + x + " - 273.15) * 33 / 100");
        formulas.put("DegreeReaumur", toKelvin ? x + " * 5 / 4 + 273.15" : "(" + x + " - 273.15) * 4 / 5");
        formulas.put("DegreeRoemer", toKelvin ? "(" + x + " - 7.5) * 40 / 21 + 273.15" : "(" + x + " - 273.15) * 21 / 40 + 7.5");
        formulas.put("SolarTemperature", toKelvin ? x + " * 5778" : x + " / 5778");
        StringBuilder sql = new StringBuilder("CASE " + unit);
        formulas.forEach((name, formula) -> sql.append(" WHEN '").append(name).append("' THEN ").append(formula));
        return sql.append(" END").toString();
    }

    private static Map<String, Double> length() {
        Map<String, Double> meters = new LinkedHashMap<>();
        meters.put("Angstrom", 1e-10);
        meters.put("AstronomicalUnit", 1.495978707e11);
        meters.put("Centimeter", 0.01);
        meters.put("Chain", 20.1168);
        meters.put("DataMile", 1828.8);
        meters.put("Decameter", 10.0);
        meters.put("Decimeter", 0.1);
        meters.put("DtpPica", INCH / 6);
        meters.put("DtpPoint", INCH / 72);
        meters.put("Fathom", 1.8288);
        meters.put("Foot", FOOT);
        meters.put("Hand", 0.1016);
        meters.put("Hectometer", 100.0);
        meters.put("Inch", INCH);
        meters.put("KilolightYear", LIGHT_YEAR * 1e3);
        meters.put("Kilometer", 1000.0);
        meters.put("Kiloparsec", PARSEC * 1e3);
        meters.put("LightYear", LIGHT_YEAR);
        meters.put("MegalightYear", LIGHT_YEAR * 1e6);
        meters.put("Megaparsec", PARSEC * 1e6);
        meters.put("Meter", 1.0);
        meters.put("Microinch", INCH * 1e-6);
        meters.put("Micrometer", 1e-6);
        meters.put("Mil", INCH / 1000);
        meters.put("Mile", MILE);
        meters.put("Millimeter", 0.001);
        meters.put("Nanometer", 1e-9);
        meters.put("NauticalMile", 1852.0);
        meters.put("Parsec", PARSEC);
        meters.put("PrinterPica", 1 / 237.106301584);
        meters.put("PrinterPoint", INCH / 72.27);
        meters.put("Shackle", 27.432);
        meters.put("SolarRadius", 6.95510000e8);
        meters.put("Twip", INCH / 1440);
        meters.put("UsSurveyFoot", US_SURVEY_FOOT);
        meters.put("Yard", YARD);
        return meters;
    }

    /** Cubic metres per unit, as UnitsNet (which Kusto's conversions follow) defines them. */
    private static Map<String, Double> volume() {
        double cubicFoot = FOOT * FOOT * FOOT;
        double usGallon = 0.003785411784;
        double imperialGallon = 0.00454609;
        Map<String, Double> cubicMeters = new LinkedHashMap<>();
        cubicMeters.put("AcreFoot", 43560 * cubicFoot);
        cubicMeters.put("AuTablespoon", 2e-5);
        cubicMeters.put("BoardFoot", cubicFoot / 12);
        cubicMeters.put("Centiliter", 1e-5);
        cubicMeters.put("CubicCentimeter", 1e-6);
        cubicMeters.put("CubicDecimeter", 1e-3);
        cubicMeters.put("CubicFoot", cubicFoot);
        cubicMeters.put("CubicHectometer", 1e6);
        cubicMeters.put("CubicInch", INCH * INCH * INCH);
        cubicMeters.put("CubicKilometer", 1e9);
        cubicMeters.put("CubicMeter", 1.0);
        cubicMeters.put("CubicMicrometer", 1e-18);
        cubicMeters.put("CubicMile", MILE * MILE * MILE);
        cubicMeters.put("CubicMillimeter", 1e-9);
        cubicMeters.put("CubicYard", YARD * YARD * YARD);
        cubicMeters.put("Decaliter", 1e-2);
        cubicMeters.put("DecausGallon", 10 * usGallon);
        cubicMeters.put("Deciliter", 1e-4);
        cubicMeters.put("DeciusGallon", usGallon / 10);
        cubicMeters.put("HectocubicFoot", 100 * cubicFoot);
        cubicMeters.put("HectocubicMeter", 100.0);
        cubicMeters.put("Hectoliter", 0.1);
        cubicMeters.put("HectousGallon", 100 * usGallon);
        cubicMeters.put("ImperialBeerBarrel", 36 * imperialGallon);
        cubicMeters.put("ImperialGallon", imperialGallon);
        cubicMeters.put("ImperialOunce", imperialGallon / 160);
        cubicMeters.put("ImperialPint", imperialGallon / 8);
        cubicMeters.put("KilocubicFoot", 1000 * cubicFoot);
        cubicMeters.put("KilocubicMeter", 1000.0);
        cubicMeters.put("KiloimperialGallon", 1000 * imperialGallon);
        cubicMeters.put("Kiloliter", 1.0);
        cubicMeters.put("KilousGallon", 1000 * usGallon);
        cubicMeters.put("Liter", 1e-3);
        cubicMeters.put("MegacubicFoot", 1e6 * cubicFoot);
        cubicMeters.put("MegaimperialGallon", 1e6 * imperialGallon);
        cubicMeters.put("Megaliter", 1000.0);
        cubicMeters.put("MegausGallon", 1e6 * usGallon);
        cubicMeters.put("MetricCup", 2.5e-4);
        cubicMeters.put("MetricTeaspoon", 5e-6);
        cubicMeters.put("Microliter", 1e-9);
        cubicMeters.put("Milliliter", 1e-6);
        cubicMeters.put("OilBarrel", 42 * usGallon);
        cubicMeters.put("UkTablespoon", 1.5e-5);
        cubicMeters.put("UsBeerBarrel", 31 * usGallon);
        cubicMeters.put("UsCustomaryCup", usGallon / 16);
        cubicMeters.put("UsGallon", usGallon);
        cubicMeters.put("UsLegalCup", 2.4e-4);
        cubicMeters.put("UsOunce", usGallon / 128);
        cubicMeters.put("UsPint", usGallon / 8);
        cubicMeters.put("UsQuart", usGallon / 4);
        cubicMeters.put("UsTablespoon", usGallon / 256);
        cubicMeters.put("UsTeaspoon", usGallon / 768);
        return cubicMeters;
    }

    private static Map<String, Double> mass() {
        Map<String, Double> kilograms = new LinkedHashMap<>();
        double pound = 0.45359237;
        kilograms.put("Centigram", 1e-5);
        kilograms.put("Decagram", 0.01);
        kilograms.put("Decigram", 1e-4);
        kilograms.put("EarthMass", 5.9722e24);
        kilograms.put("Grain", 6.479891e-5);
        kilograms.put("Gram", 1e-3);
        kilograms.put("Hectogram", 0.1);
        kilograms.put("Kilogram", 1.0);
        kilograms.put("Kilopound", pound * 1e3);
        kilograms.put("Kilotonne", 1e6);
        kilograms.put("LongHundredweight", pound * 112);
        kilograms.put("LongTon", pound * 2240);
        kilograms.put("Megapound", pound * 1e6);
        kilograms.put("Megatonne", 1e9);
        kilograms.put("Microgram", 1e-9);
        kilograms.put("Milligram", 1e-6);
        kilograms.put("Nanogram", 1e-12);
        kilograms.put("Ounce", pound / 16);
        kilograms.put("Pound", pound);
        kilograms.put("ShortHundredweight", pound * 100);
        kilograms.put("ShortTon", pound * 2000);
        kilograms.put("Slug", 14.5939029372);
        kilograms.put("SolarMass", 1.98947e30);
        kilograms.put("Stone", pound * 14);
        kilograms.put("Tonne", 1000.0);
        return kilograms;
    }

    private static Map<String, Double> speed() {
        Map<String, Double> metersPerSecond = new LinkedHashMap<>();
        Map<String, Double> lengths = new LinkedHashMap<>();
        lengths.put("Centimeter", 0.01);
        lengths.put("Decimeter", 0.1);
        lengths.put("Foot", FOOT);
        lengths.put("Inch", INCH);
        lengths.put("Kilometer", 1000.0);
        lengths.put("Meter", 1.0);
        lengths.put("Micrometer", 1e-6);
        lengths.put("Millimeter", 1e-3);
        lengths.put("Nanometer", 1e-9);
        lengths.put("UsSurveyFoot", US_SURVEY_FOOT);
        lengths.put("Yard", YARD);
        lengths.forEach((unit, meters) -> {
            metersPerSecond.put(unit + "PerHour", meters / 3600);
            metersPerSecond.put(unit + "PerMinute", meters / 60);
            metersPerSecond.put(unit + "PerSecond", meters);
        });
        metersPerSecond.put("Knot", 1852.0 / 3600);
        metersPerSecond.put("MilePerHour", MILE / 3600);
        return metersPerSecond;
    }

    private static Map<String, Double> force() {
        Map<String, Double> newtons = new LinkedHashMap<>();
        double gravity = 9.80665;
        double poundForce = 0.45359237 * gravity;
        newtons.put("Decanewton", 10.0);
        newtons.put("Dyn", 1e-5);
        newtons.put("KilogramForce", gravity);
        newtons.put("Kilonewton", 1e3);
        newtons.put("KiloPond", gravity);
        newtons.put("KilopoundForce", poundForce * 1e3);
        newtons.put("Meganewton", 1e6);
        newtons.put("Micronewton", 1e-6);
        newtons.put("Millinewton", 1e-3);
        newtons.put("Newton", 1.0);
        newtons.put("OunceForce", poundForce / 16);
        newtons.put("Poundal", 0.45359237 * FOOT);
        newtons.put("PoundForce", poundForce);
        newtons.put("ShortTonForce", poundForce * 2000);
        newtons.put("TonneForce", gravity * 1000);
        return newtons;
    }

    private static Map<String, Double> energy() {
        Map<String, Double> joules = new LinkedHashMap<>();
        double btu = 1055.05585262;
        double electronVolt = 1.602176634e-19;
        double wattHour = 3600.0;
        double thermEc = 1.05505585262e8;
        double thermImperial = 1.05505585257348e8;
        double thermUs = 1.054804e8;
        joules.put("BritishThermalUnit", btu);
        joules.put("Calorie", 4.184);
        joules.put("DecathermEc", thermEc * 10);
        joules.put("DecathermImperial", thermImperial * 10);
        joules.put("DecathermUs", thermUs * 10);
        joules.put("ElectronVolt", electronVolt);
        joules.put("Erg", 1e-7);
        joules.put("FootPound", 1.3558179483314004);
        joules.put("GigabritishThermalUnit", btu * 1e9);
        joules.put("GigaelectronVolt", electronVolt * 1e9);
        joules.put("Gigajoule", 1e9);
        joules.put("GigawattDay", wattHour * 24 * 1e9);
        joules.put("GigawattHour", wattHour * 1e9);
        joules.put("HorsepowerHour", 2.6845195377e6);
        joules.put("Joule", 1.0);
        joules.put("KilobritishThermalUnit", btu * 1e3);
        joules.put("Kilocalorie", 4184.0);
        joules.put("KiloelectronVolt", electronVolt * 1e3);
        joules.put("Kilojoule", 1e3);
        joules.put("KilowattDay", wattHour * 24 * 1e3);
        joules.put("KilowattHour", wattHour * 1e3);
        joules.put("MegabritishThermalUnit", btu * 1e6);
        joules.put("Megacalorie", 4.184e6);
        joules.put("MegaelectronVolt", electronVolt * 1e6);
        joules.put("Megajoule", 1e6);
        joules.put("MegawattDay", wattHour * 24 * 1e6);
        joules.put("MegawattHour", wattHour * 1e6);
        joules.put("Millijoule", 1e-3);
        joules.put("TeraelectronVolt", electronVolt * 1e12);
        joules.put("TerawattDay", wattHour * 24 * 1e12);
        joules.put("TerawattHour", wattHour * 1e12);
        joules.put("ThermEc", thermEc);
        joules.put("ThermImperial", thermImperial);
        joules.put("ThermUs", thermUs);
        joules.put("WattDay", wattHour * 24);
        joules.put("WattHour", wattHour);
        return joules;
    }

    private static Map<String, Double> angle() {
        Map<String, Double> radians = new LinkedHashMap<>();
        double degree = Math.PI / 180;
        radians.put("Arcminute", degree / 60);
        radians.put("Arcsecond", degree / 3600);
        radians.put("Centiradian", 0.01);
        radians.put("Deciradian", 0.1);
        radians.put("Degree", degree);
        radians.put("Gradian", Math.PI / 200);
        radians.put("Microdegree", degree * 1e-6);
        radians.put("Microradian", 1e-6);
        radians.put("Millidegree", degree * 1e-3);
        radians.put("Milliradian", 1e-3);
        radians.put("Nanodegree", degree * 1e-9);
        radians.put("Nanoradian", 1e-9);
        radians.put("NatoMil", 2 * Math.PI / 6400);
        radians.put("Radian", 1.0);
        radians.put("Revolution", 2 * Math.PI);
        return radians;
    }
}
