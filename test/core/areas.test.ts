/**
 * The official list of Pemda as core carries it: generated from the installed idn-area-data by
 * scripts/areas.ts (core reads no files: it is bundled into Apps Script), and each province's time
 * zone by Keppres 41/1987.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AREA_DATA_VERSION, ISLAND_GROUPS, PEMDA, PROVINCES } from '../../core/region/areas';
import { AREAS_MODULE, areasModuleFromPackage, renderAreasModule } from '../../scripts/areas';

describe('the generated list', () => {
  it('equals what `npm run areas` makes from the installed package', async () => {
    const committed = await readFile(AREAS_MODULE, 'utf8');
    expect(committed, 'core/region/areas.generated.ts is stale: run npm run areas').toBe(
      await areasModuleFromPackage(),
    );
    const installed = JSON.parse(
      await readFile(new URL('../../node_modules/idn-area-data/package.json', import.meta.url), 'utf8'),
    );
    expect(AREA_DATA_VERSION).toBe(installed.version);
  });

  it('holds the 38 provinces and 514 kabupaten/kota of the regulation, each once', () => {
    expect(PROVINCES).toHaveLength(38);
    expect(PEMDA.filter((p) => p.kind === 'kabupaten')).toHaveLength(416);
    expect(PEMDA.filter((p) => p.kind === 'kota')).toHaveLength(98);
    expect(new Set(PEMDA.map((p) => p.code)).size).toBe(PEMDA.length);
    expect(new Set(PEMDA.map((p) => p.officialName)).size).toBe(PEMDA.length);
    expect(PEMDA.every((p, i) => p.index === i)).toBe(true);
  });

  it('refuses a malformed release instead of shipping it', () => {
    const provinces = 'code,name\n11,Aceh\n';
    expect(() => renderAreasModule(provinces, 'code,province_code,name\n11.01,12,Kabupaten X\n', '0')).toThrow(
      /names province 12/,
    );
    expect(() => renderAreasModule(provinces, 'code,province_code,name\n11.01,11,Kecamatan X\n', '0')).toThrow(
      /neither Kabupaten nor Kota/,
    );
    expect(() => renderAreasModule('code,nama\n11,Aceh\n', 'code,province_code,name\n', '0')).toThrow(
      /expected columns code, name/,
    );
    expect(() => renderAreasModule('code,name\n11,Ac`eh\n', 'code,province_code,name\n', '0')).toThrow(/unexpected/);
  });

  it('prints the short form the reports use, and keeps the official name for data entry', () => {
    const byCode = new Map(PEMDA.map((p) => [p.code, p]));
    const shown = (code: string) => [byCode.get(code)?.name, byCode.get(code)?.officialName];
    expect(shown('32.01')).toEqual(['Kab. Bogor', 'Kabupaten Bogor']);
    expect(shown('32.71')).toEqual(['Kota Bogor', 'Kota Bogor']);
    expect(shown('35')).toEqual(['Prov. Jawa Timur', 'Provinsi Jawa Timur']);
    expect(shown('31')).toEqual(['Prov. DKI Jakarta', 'Provinsi Daerah Khusus Ibukota Jakarta']);
    expect(shown('34')).toEqual(['Prov. DI Yogyakarta', 'Provinsi Daerah Istimewa Yogyakarta']);
    expect(shown('31.71')).toEqual(['Kota Jakarta Pusat', 'Kota Administrasi Jakarta Pusat']);
    expect(shown('31.01')).toEqual(['Kab. Kepulauan Seribu', 'Kabupaten Administrasi Kepulauan Seribu']);
    expect(shown('19.03')).toEqual(['Kab. Bangka Selatan', 'Kabupaten Bangka Selatan']);
  });
});

describe('time zones by province (Keputusan Presiden Nomor 41 Tahun 1987)', () => {
  it('gives every one of the 38 provinces its legal zone', () => {
    const zones = Object.fromEntries(PROVINCES.map((p) => [p.officialName, p.zone.toUpperCase()]));
    expect(zones).toEqual({
      Aceh: 'WIB',
      'Sumatera Utara': 'WIB',
      'Sumatera Barat': 'WIB',
      Riau: 'WIB',
      Jambi: 'WIB',
      'Sumatera Selatan': 'WIB',
      Bengkulu: 'WIB',
      Lampung: 'WIB',
      'Kepulauan Bangka Belitung': 'WIB',
      'Kepulauan Riau': 'WIB',
      'Daerah Khusus Ibukota Jakarta': 'WIB',
      'Jawa Barat': 'WIB',
      'Jawa Tengah': 'WIB',
      'Daerah Istimewa Yogyakarta': 'WIB',
      'Jawa Timur': 'WIB',
      Banten: 'WIB',
      Bali: 'WITA',
      'Nusa Tenggara Barat': 'WITA',
      'Nusa Tenggara Timur': 'WITA',
      'Kalimantan Barat': 'WIB',
      'Kalimantan Tengah': 'WIB',
      'Kalimantan Selatan': 'WITA',
      'Kalimantan Timur': 'WITA',
      'Kalimantan Utara': 'WITA',
      'Sulawesi Utara': 'WITA',
      'Sulawesi Tengah': 'WITA',
      'Sulawesi Selatan': 'WITA',
      'Sulawesi Tenggara': 'WITA',
      Gorontalo: 'WITA',
      'Sulawesi Barat': 'WITA',
      Maluku: 'WIT',
      'Maluku Utara': 'WIT',
      Papua: 'WIT',
      'Papua Barat': 'WIT',
      'Papua Selatan': 'WIT',
      'Papua Tengah': 'WIT',
      'Papua Pegunungan': 'WIT',
      'Papua Barat Daya': 'WIT',
    });
  });

  it('every kabupaten/kota takes its province’s zone', () => {
    const zoneOf = (name: string) => PEMDA.find((p) => p.officialName === name)?.province.zone;
    expect(zoneOf('Kota Manado')).toBe('wita');
    expect(zoneOf('Kabupaten Probolinggo')).toBe('wib');
    expect(zoneOf('Kota Pontianak')).toBe('wib');
    expect(zoneOf('Kota Balikpapan')).toBe('wita');
    expect(zoneOf('Kabupaten Fak Fak')).toBe('wit');
    expect(PEMDA.every((p) => p.province.zone === PROVINCES.find((q) => q.code === p.code.slice(0, 2))?.zone)).toBe(
      true,
    );
  });

  it('groups the provinces by island as their codes do', () => {
    const group = (id: string) =>
      PROVINCES.filter((p) => p.island.id === id)
        .map((p) => p.name)
        .join(', ');
    expect(group('sulawesi')).toBe(
      'Sulawesi Utara, Sulawesi Tengah, Sulawesi Selatan, Sulawesi Tenggara, Gorontalo, Sulawesi Barat',
    );
    expect(group('kalimantan').split(', ')).toHaveLength(5);
    expect(group('papua').split(', ')).toHaveLength(6);
    expect(ISLAND_GROUPS.map((g) => PROVINCES.filter((p) => p.island === g).length)).toEqual([10, 6, 3, 5, 6, 2, 6]);
  });
});
