package cn.cztexchange.catalog;

/**
 * The qualifications (资质) a firm may hold, as the state or province certifies them: what
 * financing products require ({@link FinancingDetails#requiredQualifications()}) and what
 * firm profiles record.
 */
public enum Qualification {

	/** 高新技术企业 (national high-tech enterprise). */
	HIGH_TECH_ENTERPRISE,
	/** 科技型中小企业 (technology-based SME). */
	TECH_SME,
	/** 专精特新中小企业 (specialised, refined, distinctive and innovative SME). */
	SPECIALISED_SME,
	/** 专精特新"小巨人"企业 ("little giant"). */
	LITTLE_GIANT,
	/** 制造业单项冠军企业 (manufacturing single-product champion). */
	MANUFACTURING_CHAMPION

}
