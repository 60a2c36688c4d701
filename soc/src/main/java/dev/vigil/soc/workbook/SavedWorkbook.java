package dev.vigil.soc.workbook;

/** The answer to a save: the workbook, and whether the save created it (else it replaced one). */
public record SavedWorkbook(Workbook workbook, boolean created) {
}
