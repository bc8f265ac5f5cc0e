package dev.segmentation.benchmarks;

import dev.segmentation.engine.columnar.CustomerTable;

/** The columnar table's memory as the table reports it. */
final class ColumnarMemory {
  private ColumnarMemory() {}

  static void print(Population population) {
    CustomerTable table = population.table();
    MemoryReport.print(
        "columnar CustomerTable, attribute columns (columnBytesPerCustomer)",
        table.columnBytesPerCustomer());
    MemoryReport.print(
        "columnar CustomerTable, everything incl. ids and events (bytesPerCustomer)",
        table.bytesPerCustomer());
  }
}
