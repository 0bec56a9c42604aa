package cn.cztexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import tools.jackson.databind.json.JsonMapper;

import cn.cztexchange.matching.BenchMatchingAccess;

/**
 * The matching benchmark's firms and requests. Twenty firms arrive as users would bring
 * them: a firm user registers, registers the firm (an unverified FIRM organisation that
 * the user manages), the demo admin verifies it, and the user writes its profile through
 * {@code PUT /api/v1/organisations/{orgId}/firm-profile}: different industry chains,
 * stages, cities, amounts, instruments, qualifications and technology needs. Each firm's
 * financing and offering list through the API is paired with the exact Elasticsearch
 * request the engine sends for it, posted straight to the catalogue's alias.
 */
final class MatchingLoad {

	private static final String PASSWORD = "a long and unusual bench passphrase";

	private static final String DEMO_PASSWORD = "Demo-Xiangjiang-2026";

	/** One 万元 (ten thousand yuan) in fen. */
	private static final long WAN = 1_000_000L;

	/**
	 * The firms: name, city and district, chains, stage, the amount sought in 万元 (min,
	 * max; 0 for open), preferred instruments (none: any), qualifications held (an
	 * "expired:" prefix makes the certificate lapsed), products and technology needs.
	 */
	private static final List<Firm> FIRMS = List.of(
			new Firm("麓谷视界智能科技有限公司", "Lugu Vision Intelligence Co., Ltd.", "CHANGSHA", "岳麓区",
					List.of("ELECTRONIC_INFORMATION"), "START_UP", 300, 1000, List.of("EQUITY"), List.of("TECH_SME"),
					"工业视觉检测相机与表面缺陷识别算法软件，服务电子和汽车零部件产线。", "高速产线表面缺陷深度学习检测算法的小样本训练与边缘端部署。"),
			new Firm("天元牵引功率器件有限公司", "Tianyuan Traction Power Devices Co., Ltd.", "ZHUZHOU", "天元区",
					List.of("RAIL_TRANSIT", "ELECTRIC_DRIVE_AND_WIND_POWER"), "GROWTH", 2000, 5000,
					List.of("EQUITY", "LOAN"), List.of("HIGH_TECH_ENTERPRISE", "SPECIALISED_SME"),
					"轨道交通牵引变流器功率模块与液冷散热组件。", "IGBT 功率模块热管理、结温估计与寿命预测。"),
			new Firm("岳塘直驱风电装备有限公司", "Yuetang Direct-Drive Wind Power Equipment Co., Ltd.", "XIANGTAN", "岳塘区",
					List.of("ELECTRIC_DRIVE_AND_WIND_POWER"), "MATURE", 5000, 20000, List.of("EQUITY", "GUARANTEE"),
					List.of("HIGH_TECH_ENTERPRISE", "LITTLE_GIANT"), "大功率永磁直驱风力发电机及全功率变流系统。", "风电机组叶片结冰监测与主轴承故障诊断。"),
			new Firm("星沙液压控制技术有限公司", "Xingsha Hydraulic Control Technology Co., Ltd.", "CHANGSHA", "长沙县",
					List.of("ENGINEERING_MACHINERY"), "GROWTH", 1000, 3000, List.of("LOAN", "GUARANTEE"),
					List.of("HIGH_TECH_ENTERPRISE"), "小型挖掘机液压多路阀、电控先导手柄与整机控制器。", "电液比例多路阀的高响应设计、内泄漏控制与耐久试验。"),
			new Firm("浏阳康源生物技术有限公司", "Liuyang Kangyuan Biotechnology Co., Ltd.", "CHANGSHA", "浏阳市",
					List.of("BIOMEDICINE"), "START_UP", 500, 2000, List.of("EQUITY", "GRANT"), List.of("TECH_SME"),
					"基因工程重组蛋白原料与体外诊断试剂盒。", "重组蛋白高密度发酵、纯化工艺放大与质量一致性评价。"),
			new Firm("芦淞精铸航空部件有限公司", "Lusong Precision Casting Aero Parts Co., Ltd.", "ZHUZHOU", "芦淞区",
					List.of("AEROSPACE"), "GROWTH", 3000, 8000, List.of("EQUITY"),
					List.of("HIGH_TECH_ENTERPRISE", "SPECIALISED_SME"), "中小型航空发动机高温合金精密铸造叶片与机匣。",
					"高温合金单晶叶片精密铸造缺陷控制与热障涂层工艺。"),
			new Firm("湘潭烯创新材料有限公司", "Xiangtan Xichuang New Materials Co., Ltd.", "XIANGTAN", "湘潭县",
					List.of("NEW_MATERIALS"), "SEED", 50, 300, List.of("EQUITY", "GRANT"), List.of(),
					"石墨烯导热膜样品与中试线，面向手机和动力电池散热。", "石墨烯薄膜连续化制备工艺与面内导热系数测试方法。"),
			new Firm("望城锰铁锂电材料股份有限公司", "Wangcheng LMFP Battery Materials Co., Ltd.", "CHANGSHA", "望城区",
					List.of("ENERGY_STORAGE_MATERIALS"), "PRE_IPO", 10000, 30000, List.of("EQUITY"),
					List.of("HIGH_TECH_ENTERPRISE", "LITTLE_GIANT"), "磷酸锰铁锂正极材料及其前驱体。", "磷酸锰铁锂正极材料碳包覆、离子掺杂与倍率性能提升。"),
			new Firm("雨花电驱控制器有限公司", "Yuhua E-Drive Controllers Co., Ltd.", "CHANGSHA", "雨花区", List.of("AUTOMOTIVE"),
					"GROWTH", 1000, 4000, List.of("LOAN"), List.of("HIGH_TECH_ENTERPRISE"), "新能源汽车电驱动系统电机控制器与车载充电机。",
					"电机控制器碳化硅功率器件应用、电磁兼容整改与功能安全。"),
			new Firm("荷塘超硬刀具股份有限公司", "Hetang Superhard Tools Co., Ltd.", "ZHUZHOU", "荷塘区",
					List.of("NEW_MATERIALS", "ENGINEERING_MACHINERY"), "MATURE", 500, 3000, List.of("LOAN", "GRANT"),
					List.of("HIGH_TECH_ENTERPRISE", "SPECIALISED_SME"), "硬质合金数控刀片、整体立铣刀与涂层刀具。",
					"硬质合金刀具 PVD 涂层成分设计与高速切削耐磨性能评价。"),
			new Firm("莲城智能矿运装备有限公司", "Liancheng Intelligent Mine Haulage Co., Ltd.", "XIANGTAN", "雨湖区",
					List.of("MINING_EQUIPMENT"), "GROWTH", 800, 3000, List.of("GUARANTEE", "LOAN"),
					List.of("HIGH_TECH_ENTERPRISE"), "矿用防爆电机车与井下无人驾驶运输系统。", "井下巷道无卫星信号定位导航与防爆锂电池管理系统。"),
			new Firm("开福湘莲茶油食品有限公司", "Kaifu Lotus Seed and Camellia Oil Foods Co., Ltd.", "CHANGSHA", "开福区",
					List.of("FOOD_AND_AGRICULTURE"), "START_UP", 200, 800, List.of("LOAN", "GRANT"),
					List.of("TECH_SME"), "湘莲、茶油等湖南特色农产品精深加工。", "茶油低温压榨精炼工艺、风味保持与保鲜包装。"),
			new Firm("岳麓清源环保科技有限公司", "Yuelu Qingyuan Environmental Technology Co., Ltd.", "CHANGSHA", "岳麓区",
					List.of("ENVIRONMENTAL_PROTECTION"), "START_UP", 300, 1500, List.of("EQUITY", "GRANT"),
					List.of("TECH_SME"), "工业废水重金属处理药剂与一体化成套设备。", "含重金属废水深度处理膜分离与有价金属资源化回收。"),
			new Firm("田心制动转向架部件有限公司", "Tianxin Brakes and Bogie Components Co., Ltd.", "ZHUZHOU", "石峰区",
					List.of("RAIL_TRANSIT"), "MATURE", 500, 2000, List.of("GRANT", "LOAN"),
					List.of("HIGH_TECH_ENTERPRISE", "LITTLE_GIANT", "MANUFACTURING_CHAMPION"), "城轨车辆制动系统与转向架构架部件。",
					"转向架构架焊接残余应力检测与疲劳寿命评估。"),
			new Firm("韶峰光储能源科技有限公司", "Shaofeng PV and Storage Energy Technology Co., Ltd.", "XIANGTAN", "岳塘区",
					List.of("NEW_ENERGY", "ENERGY_STORAGE_MATERIALS"), "GROWTH", 2000, 6000, List.of("EQUITY"),
					List.of("HIGH_TECH_ENTERPRISE"), "组串式光伏逆变器与工商业储能变流器。", "储能变流器构网型并网控制与电池簇主动均衡。"),
			new Firm("天心边缘物联科技有限公司", "Tianxin Edge IoT Technology Co., Ltd.", "CHANGSHA", "天心区",
					List.of("ELECTRONIC_INFORMATION"), "SEED", 30, 200, List.of(), List.of(),
					"面向中小制造企业的工业互联网设备接入网关与云平台。", "Modbus、OPC UA 等工业协议解析与边缘计算网关低功耗设计。"),
			new Firm("渌口精密压铸有限公司", "Lukou Precision Die Casting Co., Ltd.", "ZHUZHOU", "渌口区", List.of("AUTOMOTIVE"),
					"GROWTH", 500, 2000, List.of("GUARANTEE"), List.of("TECH_SME"), "新能源汽车铝合金电驱壳体与变速箱壳体高压压铸件。",
					"铝合金壳体高压铸造气孔缺陷控制与 X 射线在线检测。"),
			new Firm("长沙北斗飞控科技有限公司", "Changsha Beidou Flight Control Technology Co., Ltd.", "CHANGSHA", "长沙县",
					List.of("AEROSPACE", "ELECTRONIC_INFORMATION"), "START_UP", 500, 2000, List.of("EQUITY", "LOAN"),
					List.of("TECH_SME", "expired:HIGH_TECH_ENTERPRISE"), "北斗高精度导航终端与工业级无人机飞控系统。",
					"无人机组合导航抗干扰算法与飞控硬件小型化。"),
			new Firm("湘乡隔膜电解液材料有限公司", "Xiangxiang Separator and Electrolyte Materials Co., Ltd.", "XIANGTAN", "湘乡市",
					List.of("ENERGY_STORAGE_MATERIALS"), "GROWTH", 1500, 5000, List.of("LOAN", "GRANT", "GUARANTEE"),
					List.of("HIGH_TECH_ENTERPRISE"), "锂电池陶瓷涂覆隔膜与电解液添加剂。", "陶瓷涂覆隔膜热收缩控制与电解液阻燃添加剂开发。"),
			new Firm("宁乡本草配方颗粒股份有限公司", "Ningxiang Bencao TCM Granules Co., Ltd.", "CHANGSHA", "宁乡市",
					List.of("BIOMEDICINE", "FOOD_AND_AGRICULTURE"), "MATURE", 10000, 30000, List.of("EQUITY", "LOAN"),
					List.of("HIGH_TECH_ENTERPRISE", "SPECIALISED_SME"), "中药配方颗粒、经典名方制剂与药食同源产品。",
					"中药配方颗粒指纹图谱质量控制与连续化智能生产。"));

	private final URI api;

	private final URI elasticsearch;

	private final HttpClient http;

	private final JsonMapper json;

	private final BenchMatchingAccess access;

	/** Each firm's organisation id and its manager's token, in the order of FIRMS. */
	private final List<Registered> registered = new ArrayList<>();

	MatchingLoad(URI api, URI elasticsearch, HttpClient http, JsonMapper json, BenchMatchingAccess access) {
		this.api = api;
		this.elasticsearch = elasticsearch;
		this.http = http;
		this.json = json;
		this.access = access;
	}

	int firms() {
		return FIRMS.size();
	}

	/**
	 * Registers the firm users and their firms, verifies the firms (as the demo admin)
	 * and writes their profiles; not timed.
	 */
	void prepare() throws IOException, InterruptedException {
		String admin = login("admin@demo.cztexchange.cn", DEMO_PASSWORD);
		long run = System.nanoTime();
		for (int i = 0; i < FIRMS.size(); i++) {
			Firm firm = FIRMS.get(i);
			String email = "bench-firm-" + i + "-" + run + "@example.com";
			call("POST", "/api/v1/auth/register", null, Map.of("email", email, "password", PASSWORD, "displayName",
					"Bench firm user " + i, "role", "FIRM", "locale", (i % 4 == 3) ? "en" : "zh-CN"));
			String token = login(email, PASSWORD);
			Map<String, Object> organisation = new LinkedHashMap<>();
			organisation.put("type", "FIRM");
			organisation.put("nameZh", firm.nameZh() + "（基准测试）");
			organisation.put("nameEn", firm.nameEn() + " (bench)");
			organisation.put("cities", List.of(firm.city()));
			organisation.put("district", firm.district());
			organisation.put("contact",
					Map.of("name", "Bench " + i, "phone", "0731-8800" + String.format("%04d", i), "email", email));
			UUID id = UUID.fromString((String) call("POST", "/api/v1/organisations", token, organisation).get("id"));
			call("POST", "/api/v1/admin/organisations/" + id + "/verify", admin, null);
			call("PUT", "/api/v1/organisations/" + id + "/firm-profile", token, profile(firm, i, email));
			this.registered.add(new Registered(id, token, (i % 4 == 3) ? "en,zh-CN;q=0.5" : "zh-CN,zh;q=0.9,en;q=0.8"));
		}
	}

	/** What the firm's user writes on its profile page. */
	private static Map<String, Object> profile(Firm firm, int i, String email) {
		Map<String, Object> need = new LinkedHashMap<>();
		need.put("amountMinFen", (firm.minWan() > 0) ? firm.minWan() * WAN : null);
		need.put("amountMaxFen", (firm.maxWan() > 0) ? firm.maxWan() * WAN : null);
		need.put("purpose", "扩大产能与研发投入：" + firm.technologyNeeds());
		need.put("instruments", firm.instruments());
		List<Map<String, Object>> qualifications = new ArrayList<>();
		for (String held : firm.qualifications()) {
			boolean expired = held.startsWith("expired:");
			Map<String, Object> qualification = new LinkedHashMap<>();
			qualification.put("qualification", held.replace("expired:", ""));
			qualification.put("certificateNumber", "BENCH-" + i + "-" + qualifications.size());
			qualification.put("expiresOn", expired ? "2024-12-31" : "2029-12-31");
			qualifications.add(qualification);
		}
		String[] employees = { "UP_TO_20", "FROM_21_TO_50", "FROM_51_TO_100", "FROM_101_TO_300", "FROM_301_TO_1000" };
		String[] revenues = { "UNDER_5M", "FROM_5M_TO_20M", "FROM_20M_TO_50M", "FROM_50M_TO_200M", "FROM_200M_TO_1B" };
		int size = switch (firm.stage()) {
			case "SEED" -> 0;
			case "START_UP" -> 1;
			case "GROWTH" -> 2;
			case "MATURE" -> 3;
			default -> 4;
		};
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("industryChains", firm.chains());
		profile.put("products", firm.products());
		profile.put("stage", firm.stage());
		profile.put("city", firm.city());
		profile.put("district", firm.district());
		profile.put("foundedYear", 2022 - size * 4 - i % 3);
		profile.put("employees", employees[size]);
		profile.put("revenue", revenues[size]);
		profile.put("qualifications", qualifications);
		profile.put("patents", Map.of("invention", size * 6 + i % 4, "utilityModel", size * 11 + i % 7, "design", i % 3,
				"softwareCopyright", (i * 5) % 9));
		profile.put("fundingNeed", need);
		profile.put("technologyNeeds", firm.technologyNeeds());
		profile.put("contact",
				Map.of("name", "联系人 " + i, "phone", "0731-8800" + String.format("%04d", i), "email", email));
		// A few keep out of investors' and technology owners' searches.
		profile.put("discoverable", i % 5 != 4);
		return profile;
	}

	/**
	 * Each firm's two lists through the API and, at the same positions, the exact
	 * Elasticsearch requests the engine sends for them.
	 */
	Requests requests() {
		List<HttpRequest> api = new ArrayList<>();
		List<HttpRequest> direct = new ArrayList<>();
		for (Registered firm : this.registered) {
			for (String list : List.of("financing", "offerings")) {
				api.add(HttpRequest.newBuilder(this.api.resolve("/api/v1/matching/firms/" + firm.id() + "/" + list))
					.timeout(Duration.ofSeconds(30))
					.header("Accept", "application/json")
					.header("Accept-Language", firm.language())
					.header("Authorization", "Bearer " + firm.token())
					.GET()
					.build());
				String body = list.equals("financing") ? this.access.financingBody(firm.id())
						: this.access.offeringsBody(firm.id());
				// As the client sends a search: typed keys, and the engine's
				// ignore_unavailable.
				direct.add(HttpRequest
					.newBuilder(this.elasticsearch
						.resolve("/" + BenchMatchingAccess.INDEX + "/_search?typed_keys=true&ignore_unavailable=true"))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString(body))
					.build());
			}
		}
		return new Requests(api, direct);
	}

	/**
	 * Sends every request once and fails unless each firm has matches in both lists, and
	 * the API's candidates are the direct request's hits (same count, the shown page
	 * among them): a benchmark of empty lists, or of a different query, is worthless.
	 * @return the candidates of each request, in order
	 */
	@SuppressWarnings("unchecked")
	int[] check(Requests requests) throws IOException, InterruptedException {
		int[] candidates = new int[requests.api().size()];
		for (int i = 0; i < candidates.length; i++) {
			String what = FIRMS.get(i / 2).nameEn() + ((i % 2 == 0) ? " financing" : " offerings");
			Map<String, Object> page = fetch(requests.api().get(i));
			List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
			long total = ((Number) page.get("total")).longValue();
			Map<String, Object> answer = fetch(requests.direct().get(i));
			List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) answer.get("hits"))
				.get("hits");
			if (items.isEmpty() || hits.isEmpty()) {
				throw new IllegalStateException(what + ": no matches (API " + items.size() + " on the page, "
						+ "Elasticsearch " + hits.size() + " hits); a benchmark of empty lists measures nothing");
			}
			Set<String> hitIds = new HashSet<>();
			hits.forEach((hit) -> hitIds.add((String) hit.get("_id")));
			boolean same = total == hits.size() && items.stream()
				.allMatch((item) -> hitIds.contains((String) ((Map<String, Object>) item.get("entry")).get("id")));
			if (!same) {
				throw new IllegalStateException(what + ": the API ranked " + total + " candidates, the direct request "
						+ "found " + hits.size() + " (or other ones): it is not the request the engine sends");
			}
			candidates[i] = hits.size();
		}
		return candidates;
	}

	/** The least and the median candidates of each list, from {@link #check}. */
	static String describe(int[] candidates) {
		int[] financing = IntStream.range(0, candidates.length)
			.filter((i) -> i % 2 == 0)
			.map((i) -> candidates[i])
			.toArray();
		int[] offerings = IntStream.range(0, candidates.length)
			.filter((i) -> i % 2 == 1)
			.map((i) -> candidates[i])
			.toArray();
		Arrays.sort(financing);
		Arrays.sort(offerings);
		return String.format("financing min %d, median %d; offerings min %d, median %d", financing[0],
				financing[(financing.length - 1) / 2], offerings[0], offerings[(offerings.length - 1) / 2]);
	}

	private Map<String, Object> fetch(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(request, BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return readMap(response.body());
	}

	private String login(String email, String password) throws IOException, InterruptedException {
		return (String) call("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password))
			.get("accessToken");
	}

	private Map<String, Object> call(String method, String path, String token, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.api.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? BodyPublishers.ofString(this.json.writeValueAsString(body))
					: BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<byte[]> response = this.http.send(request.build(), BodyHandlers.ofByteArray());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return (response.body().length == 0) ? Map.of() : readMap(response.body());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> readMap(byte[] body) {
		return this.json.readValue(body, Map.class);
	}

	/**
	 * The two request lists, in the same order: each firm's financing, then its
	 * offerings.
	 *
	 * @param api through the API
	 * @param direct straight to Elasticsearch
	 */
	record Requests(List<HttpRequest> api, List<HttpRequest> direct) {
	}

	/**
	 * A firm as its user reaches it.
	 *
	 * @param id the organisation
	 * @param token its manager's access token
	 * @param language what the manager's browser sends as {@code Accept-Language}
	 */
	private record Registered(UUID id, String token, String language) {
	}

	private record Firm(String nameZh, String nameEn, String city, String district, List<String> chains, String stage,
			long minWan, long maxWan, List<String> instruments, List<String> qualifications, String products,
			String technologyNeeds) {
	}

}
