package cn.cztexchange.catalog;

/**
 * The industry chains entries are filed under: each city's focus industries named in the
 * source document, and a few more the region's firms work in.
 */
public enum IndustryChain {

	/** 工程机械与智能制造 (Changsha). */
	ENGINEERING_MACHINERY,
	/** 先进储能材料 (Changsha). */
	ENERGY_STORAGE_MATERIALS,
	/** 生物医药 (Changsha). */
	BIOMEDICINE,
	/** 汽车及零部件 (Changsha). */
	AUTOMOTIVE,
	/** 轨道交通 (Zhuzhou). */
	RAIL_TRANSIT,
	/** 航空航天 (Zhuzhou). */
	AEROSPACE,
	/** 新材料 (Zhuzhou). */
	NEW_MATERIALS,
	/** 先进电驱与风电装备 (Xiangtan). */
	ELECTRIC_DRIVE_AND_WIND_POWER,
	/** 矿山装备 (Xiangtan). */
	MINING_EQUIPMENT,
	/** 食品与农产品加工 (Xiangtan). */
	FOOD_AND_AGRICULTURE,
	/** 电子信息 */
	ELECTRONIC_INFORMATION,
	/** 新能源 */
	NEW_ENERGY,
	/** 节能环保 */
	ENVIRONMENTAL_PROTECTION,
	/** 文化创意 */
	CULTURAL_CREATIVE

}
