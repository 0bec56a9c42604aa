package cn.cztexchange.identity;

/** The three cities of the CZT metropolitan area. */
public enum City {

	CHANGSHA, ZHUZHOU, XIANGTAN

}
