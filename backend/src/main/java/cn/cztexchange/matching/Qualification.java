package cn.cztexchange.matching;

/**
 * The qualifications (资质) a firm may hold. Stands in for
 * {@code cn.cztexchange.catalog.Qualification}, which the catalogue is adding with the
 * same names: replaced by it once that is on main.
 */
enum Qualification {

	/** 高新技术企业. */
	HIGH_TECH_ENTERPRISE,
	/** 科技型中小企业. */
	TECH_SME,
	/** 专精特新中小企业. */
	SPECIALISED_SME,
	/** 专精特新"小巨人"企业. */
	LITTLE_GIANT,
	/** 制造业单项冠军企业. */
	MANUFACTURING_CHAMPION

}
