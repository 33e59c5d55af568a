import type { GridType } from '../../src/domain/grid';
import type { CommunityKind } from './grid-plan';
import type { Random } from './random';

/**
 * Who lives in a grid and who looks after it. Urban grids hold about 300–500 households (Jincheng's standard); a village
 * grid is one villagers' group of a few dozen to a couple of hundred households. People per household follow the
 * census: smaller in town, larger in villages. The figures add up to about the real 2.2 million.
 */
const householdRange: Record<CommunityKind, [number, number]> = {
  urban_core: [280, 480],
  works_community: [150, 400],
  urban_village: [140, 300],
  village: [40, 140],
};

export function gridHouseholds(kind: CommunityKind, random: Random): number {
  const [low, high] = householdRange[kind];
  return random.int(low, high);
}

export function peoplePerHousehold(kind: CommunityKind, random: Random): number {
  return kind === 'village' ? random.between(2.9, 3.4) : random.between(2.6, 3.05);
}

/**
 * The grid type, by what the community is and how far it lies from the county seat: old neighbourhoods and work-unit
 * compounds in the core, new estates and urban villages toward the edge, suburban grids in the countryside.
 * `remoteness` is 0 at the seat and 1 at the core's edge.
 */
export function gridTypeFor(kind: CommunityKind, remoteness: number, random: Random): GridType {
  const t = Math.min(1, Math.max(0, remoteness));
  switch (kind) {
    case 'urban_core':
      return random.weighted<GridType>(
        ['old_town', 'work_unit', 'new_build', 'urban_village'],
        [1.2 - t, 0.45, 0.3 + t, 0.25 * t],
      );
    case 'works_community':
      return random.weighted<GridType>(['work_unit', 'new_build'], [0.7, 0.3]);
    case 'urban_village':
      return random.weighted<GridType>(['urban_village', 'new_build', 'old_town'], [0.65, 0.25, 0.1]);
    case 'village':
      // Mining and factory villages aside, a village grid is suburban.
      return random.weighted<GridType>(
        ['suburban', 'urban_village', 'work_unit'],
        [0.85 + t, 0.3 * (1 - t), 0.03],
      );
  }
}

const surnames = Array.from(
  new Set(
    '王李张刘陈杨赵郭牛申原常段焦卫马孙田吴徐胡朱高林何罗宋郑梁谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文靳霍栗',
  ),
);
const givenCharacters = Array.from(
  new Set(
    '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅玉兰志文斌辉鹏飞俊峰宇晨浩凯晓燕婷雪琳丹慧佳欣瑞海波亮鑫晶晶宏春燕丽萍新民永利福生荣成',
  ),
);

/** A plausible synthetic name: a common surname (weighted to the head of the list) and one or two given characters. */
export function workerName(random: Random): string {
  const surname = surnames[Math.floor(surnames.length * random.next() ** 2)] ?? '王';
  const first = random.pick(givenCharacters);
  return random.chance(0.7) ? surname + first + random.pick(givenCharacters) : surname + first;
}
