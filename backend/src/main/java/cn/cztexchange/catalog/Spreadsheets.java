package cn.cztexchange.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import cn.cztexchange.platform.InvalidRequestException;

/**
 * Reading and writing the spreadsheets of bulk imports: CSV (UTF-8, with or without BOM;
 * GB18030 as Excel saves "CSV" on Chinese Windows) and Excel .xlsx, told apart by
 * content. Workbooks are read as a stream of rows (SAX), never as a whole document, and
 * reading stops as soon as a file has too many rows.
 */
final class Spreadsheets {

	/** Largest part of a workbook we inflate (its sheet XML), against zip bombs. */
	private static final long MAX_XLSX_ENTRY = 100L * 1024 * 1024;

	static {
		ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), MAX_XLSX_ENTRY));
	}

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private Spreadsheets() {
	}

	/**
	 * The header and the data rows that are not blank; a 400 naming {@code file} when the
	 * file is no spreadsheet we read, or has more than {@code maxRows} data rows.
	 */
	static Table read(byte[] bytes, int maxRows) {
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			return xlsx(bytes, maxRows);
		}
		if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
				&& (bytes[3] & 0xFF) == 0xE0) {
			throw invalid("is an old Excel workbook (.xls); save it as .xlsx or as CSV (UTF-8) and upload that");
		}
		return csv(text(bytes), maxRows);
	}

	private static String text(byte[] bytes) {
		int offset = startsWithBom(bytes) ? BOM.length : 0;
		String text;
		try {
			text = decode(bytes, offset, StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			try {
				text = decode(bytes, offset, Charset.forName("GB18030"));
			}
			catch (CharacterCodingException notChinese) {
				throw notASpreadsheet();
			}
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
				throw notASpreadsheet();
			}
		}
		return text;
	}

	private static String decode(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
			.toString();
	}

	private static Table csv(String text, int maxRows) {
		List<String> header = null;
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get())) {
			for (CSVRecord record : parser) {
				List<String> cells = record.toList();
				if (header == null) {
					header = cells;
					continue;
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (rows.size() == maxRows) {
					throw tooManyRows(maxRows);
				}
				rows.add(new Row((int) record.getRecordNumber(), cells));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw invalid("is not a readable CSV file (" + ex.getMessage() + ")");
		}
		return table(header, rows);
	}

	private static Table xlsx(byte[] bytes, int maxRows) {
		SheetRows handler = new SheetRows(maxRows);
		try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(bytes))) {
			XSSFReader reader = new XSSFReader(workbook);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
			var sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw invalid("is a workbook without sheets");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, handler,
						new DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (TooManyRows ex) {
			throw tooManyRows(maxRows);
		}
		catch (InvalidRequestException ex) {
			throw ex;
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw invalid("is not a readable Excel workbook (.xlsx)");
		}
		return table(handler.header, handler.rows);
	}

	private static Table table(List<String> header, List<Row> rows) {
		if (header == null || header.stream().allMatch(String::isBlank)) {
			throw invalid("is empty; the first row must name the columns, as in the template");
		}
		if (rows.isEmpty()) {
			throw invalid("has no data rows below its header");
		}
		return new Table(header.stream().map((name) -> name.strip()).toList(), rows);
	}

	/** A CSV file Excel opens as UTF-8: BOM, header, rows. */
	static byte[] writeCsv(List<String> header, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(BOM);
		StringBuilder text = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
			printer.printRecord(header);
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	/** A workbook of one sheet: a bold, frozen header row and the rows, all as text. */
	static byte[] writeXlsx(String sheetName, List<String> header, List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			bold.setDataFormat(text.getDataFormat());
			writeRow(sheet.createRow(0), header, bold);
			for (int i = 0; i < rows.size(); i++) {
				writeRow(sheet.createRow(i + 1), rows.get(i), text);
			}
			for (int column = 0; column < header.size(); column++) {
				sheet.setColumnWidth(column, 18 * 256);
				sheet.setDefaultColumnStyle(column, text);
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeRow(org.apache.poi.ss.usermodel.Row row, List<String> values, CellStyle style) {
		for (int i = 0; i < values.size(); i++) {
			var cell = row.createCell(i);
			cell.setCellStyle(style);
			cell.setCellValue(values.get(i));
		}
	}

	private static boolean startsWithBom(byte[] bytes) {
		return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
	}

	private static InvalidRequestException notASpreadsheet() {
		return invalid("must be a spreadsheet: a CSV file (UTF-8) or an Excel workbook (.xlsx)");
	}

	private static InvalidRequestException tooManyRows(int maxRows) {
		return invalid("has more than " + maxRows + " data rows; split it into files of at most " + maxRows);
	}

	private static InvalidRequestException invalid(String message) {
		return new InvalidRequestException("file", message);
	}

	/**
	 * @param header the column names of the first row, stripped
	 * @param rows the data rows that are not blank
	 */
	record Table(List<String> header, List<Row> rows) {
	}

	/**
	 * @param number the row's number as the spreadsheet shows it (the header is 1)
	 * @param cells its cells, by column
	 */
	record Row(int number, List<String> cells) {

		String cell(int column) {
			return (column < this.cells.size()) ? this.cells.get(column) : "";
		}

	}

	/** Stops the sheet's parsing once it has too many rows. */
	private static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super(null, null, false, false);
		}

	}

	/** Collects the first sheet's rows as the parser streams them. */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final int maxRows;

		private List<String> header;

		private final List<Row> rows = new ArrayList<>();

		private Map<Integer, String> cells;

		private int nextColumn;

		SheetRows(int maxRows) {
			this.maxRows = maxRows;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells = new TreeMap<>();
			this.nextColumn = 0;
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.nextColumn;
			this.nextColumn = column + 1;
			if (formattedValue != null && !formattedValue.isBlank()) {
				this.cells.put(column, formattedValue);
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (this.header == null) {
				this.header = list(this.cells);
				return;
			}
			if (this.cells.isEmpty()) {
				return;
			}
			if (this.rows.size() == this.maxRows) {
				throw new TooManyRows();
			}
			this.rows.add(new Row(rowNum + 1, list(this.cells)));
		}

		private static List<String> list(Map<Integer, String> cells) {
			if (cells.isEmpty()) {
				return List.of();
			}
			int size = ((TreeMap<Integer, String>) cells).lastKey() + 1;
			List<String> list = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				list.add(cells.getOrDefault(i, ""));
			}
			return list;
		}

	}

}
