package cn.cztexchange.booking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Statements and reports as spreadsheets. */
final class CsvExport {

	private CsvExport() {
	}

	/**
	 * A CSV table, UTF-8 with a byte-order mark so that Excel reads Chinese; a cell that
	 * a spreadsheet would run as a formula (=, +, -, @ first) is defused with a quote.
	 */
	static String table(List<String> header, List<List<Object>> rows) {
		StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", header)).append("\r\n");
		for (List<Object> row : rows) {
			List<String> cells = new ArrayList<>();
			for (Object cell : row) {
				String text = (cell != null) ? String.valueOf(cell) : "";
				if (!(cell instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
					text = "'" + text;
				}
				cells.add((cell instanceof Number) ? text : "\"" + text.replace("\"", "\"\"") + "\"");
			}
			out.append(String.join(",", cells)).append("\r\n");
		}
		return out.toString();
	}

	/** The table as a file to download. */
	static ResponseEntity<String> download(String name, String csv) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".csv").build().toString())
			.body(csv);
	}

}
