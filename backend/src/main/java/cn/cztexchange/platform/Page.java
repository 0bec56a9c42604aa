package cn.cztexchange.platform;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the entries on this page
 * @param page the page number, from 0
 * @param size the largest number of entries a page holds
 * @param total how many entries there are in all
 */
public record Page<T>(List<T> items, int page, int size, long total) {
}
