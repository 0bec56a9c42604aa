package cn.cztexchange.matching;

import java.util.Map;

import cn.cztexchange.catalog.EntryContent.Location;
import cn.cztexchange.identity.City;

/**
 * Where the districts of the three cities are, roughly (their seats of government), and
 * how far apart two points are: a firm that gives no location is placed at its district's
 * centre, or its city's.
 */
final class Places {

	private static final Map<City, Location> CITIES = Map.of(City.CHANGSHA, new Location(28.23, 112.94), City.ZHUZHOU,
			new Location(27.83, 113.13), City.XIANGTAN, new Location(27.83, 112.94));

	private static final Map<String, District> DISTRICTS = Map.ofEntries(
			Map.entry("岳麓区", new District(City.CHANGSHA, new Location(28.17, 112.93))),
			Map.entry("芙蓉区", new District(City.CHANGSHA, new Location(28.19, 113.03))),
			Map.entry("天心区", new District(City.CHANGSHA, new Location(28.12, 112.99))),
			Map.entry("开福区", new District(City.CHANGSHA, new Location(28.24, 112.99))),
			Map.entry("雨花区", new District(City.CHANGSHA, new Location(28.14, 113.04))),
			Map.entry("望城区", new District(City.CHANGSHA, new Location(28.35, 112.83))),
			Map.entry("长沙县", new District(City.CHANGSHA, new Location(28.25, 113.08))),
			Map.entry("浏阳市", new District(City.CHANGSHA, new Location(28.16, 113.63))),
			Map.entry("宁乡市", new District(City.CHANGSHA, new Location(28.25, 112.55))),
			Map.entry("天元区", new District(City.ZHUZHOU, new Location(27.83, 113.08))),
			Map.entry("芦淞区", new District(City.ZHUZHOU, new Location(27.79, 113.15))),
			Map.entry("石峰区", new District(City.ZHUZHOU, new Location(27.88, 113.12))),
			Map.entry("荷塘区", new District(City.ZHUZHOU, new Location(27.86, 113.17))),
			Map.entry("渌口区", new District(City.ZHUZHOU, new Location(27.70, 113.14))),
			Map.entry("醴陵市", new District(City.ZHUZHOU, new Location(27.65, 113.50))),
			Map.entry("攸县", new District(City.ZHUZHOU, new Location(27.00, 113.34))),
			Map.entry("茶陵县", new District(City.ZHUZHOU, new Location(26.79, 113.54))),
			Map.entry("炎陵县", new District(City.ZHUZHOU, new Location(26.49, 113.77))),
			Map.entry("岳塘区", new District(City.XIANGTAN, new Location(27.86, 112.95))),
			Map.entry("雨湖区", new District(City.XIANGTAN, new Location(27.87, 112.90))),
			Map.entry("湘潭县", new District(City.XIANGTAN, new Location(27.78, 112.95))),
			Map.entry("湘乡市", new District(City.XIANGTAN, new Location(27.73, 112.53))),
			Map.entry("韶山市", new District(City.XIANGTAN, new Location(27.92, 112.52))));

	private static final double EARTH_RADIUS_KM = 6371.0;

	private Places() {
	}

	/** The district's centre when it is known (and in the city), else the city's. */
	static Location centre(City city, String district) {
		District known = (district != null) ? DISTRICTS.get(district.strip()) : null;
		if (known != null && (city == null || known.city() == city)) {
			return known.centre();
		}
		return (city != null) ? CITIES.get(city) : null;
	}

	/** The great-circle distance in km. */
	static double distanceKm(Location a, Location b) {
		double lat1 = Math.toRadians(a.lat());
		double lat2 = Math.toRadians(b.lat());
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(b.lon() - a.lon());
		double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
	}

	private record District(City city, Location centre) {
	}

}
